package albertlab.viewmodel.live;

/**
 * Which part of the attention matrix to show for a sentence pair: queries (rows) from one segment attending to
 * keys (columns) in one segment. Segment A holds [CLS], sentence A and its [SEP]; B holds sentence B and the last
 * [SEP].
 */
public enum PairFilter {
    ALL(-1, -1), A_TO_B(0, 1), B_TO_A(1, 0), A_TO_A(0, 0), B_TO_B(1, 1);

    private final int querySegment;
    private final int keySegment;

    PairFilter(int querySegment, int keySegment) {
        this.querySegment = querySegment;
        this.keySegment = keySegment;
    }

    public boolean keepsQuery(int segment) {
        return querySegment < 0 || segment == querySegment;
    }

    public boolean keepsKey(int segment) {
        return keySegment < 0 || segment == keySegment;
    }
}

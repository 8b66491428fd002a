package albertlab.core.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trie over the UTF-8 bytes of the vocabulary's pieces, for the common-prefix searches of the Viterbi
 * segmentation: walking it from one position finds every piece that starts there in one pass, with no String
 * built. Stored flat: node 0 is the root with a direct 256-entry table; the other nodes keep their children as a
 * sorted slice of {@code labels}/{@code targets}.
 */
final class ByteTrie {

    static final int ROOT = 0;

    private final int[] rootTable = new int[256];
    private final int[] firstChild;
    private final int[] childCount;
    private final byte[] labels;
    private final int[] targets;
    private final int[] values;

    private ByteTrie(int[] firstChild, int[] childCount, byte[] labels, int[] targets, int[] values) {
        this.firstChild = firstChild;
        this.childCount = childCount;
        this.labels = labels;
        this.targets = targets;
        this.values = values;
        Arrays.fill(rootTable, -1);
        for (int k = firstChild[ROOT]; k < firstChild[ROOT] + childCount[ROOT]; k++) {
            rootTable[labels[k] & 0xFF] = targets[k];
        }
    }

    /**
     * @param keys   pieces (null entries are left out)
     * @param values the value of each key (its id); a key given twice keeps the later value
     */
    static ByteTrie build(List<String> keys, int[] values) {
        // Growable node table while inserting: children as (label, node) pairs kept sorted by label.
        List<int[]> children = new ArrayList<>();
        List<Integer> nodeValue = new ArrayList<>();
        children.add(new int[0]);
        nodeValue.add(-1);
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            if (key == null || key.isEmpty()) continue;
            int node = ROOT;
            for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
                int label = b & 0xFF;
                int[] ch = children.get(node);
                int next = -1;
                int insertAt = ch.length / 2;
                for (int i = 0; i < ch.length; i += 2) {
                    if (ch[i] == label) {
                        next = ch[i + 1];
                        break;
                    }
                    if (ch[i] > label) {
                        insertAt = i / 2;
                        break;
                    }
                }
                if (next < 0) {
                    next = children.size();
                    children.add(new int[0]);
                    nodeValue.add(-1);
                    int[] grown = new int[ch.length + 2];
                    System.arraycopy(ch, 0, grown, 0, insertAt * 2);
                    grown[insertAt * 2] = label;
                    grown[insertAt * 2 + 1] = next;
                    System.arraycopy(ch, insertAt * 2, grown, insertAt * 2 + 2, ch.length - insertAt * 2);
                    children.set(node, grown);
                }
                node = next;
            }
            nodeValue.set(node, values[k]);
        }
        int n = children.size();
        int[] first = new int[n];
        int[] count = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) total += children.get(i).length / 2;
        byte[] labels = new byte[total];
        int[] targets = new int[total];
        int[] vals = new int[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            int[] ch = children.get(i);
            first[i] = at;
            count[i] = ch.length / 2;
            for (int j = 0; j < ch.length; j += 2) {
                labels[at] = (byte) ch[j];
                targets[at] = ch[j + 1];
                at++;
            }
            vals[i] = nodeValue.get(i);
        }
        return new ByteTrie(first, count, labels, targets, vals);
    }

    /** The node reached from {@code node} by one byte, or -1. */
    int child(int node, int unsignedByte) {
        if (node == ROOT) return rootTable[unsignedByte];
        int lo = firstChild[node];
        int hi = lo + childCount[node] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int l = labels[mid] & 0xFF;
            if (l < unsignedByte) {
                lo = mid + 1;
            } else if (l > unsignedByte) {
                hi = mid - 1;
            } else {
                return targets[mid];
            }
        }
        return -1;
    }

    /** The value stored at a node (a piece ends there), or -1. */
    int value(int node) {
        return values[node];
    }
}

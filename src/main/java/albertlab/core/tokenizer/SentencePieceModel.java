package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parts of a SentencePiece {@code ModelProto} ({@code spiece.model}) that tokenizing needs: the pieces with
 * their scores and types, the trainer's special ids and the normalizer spec. Field numbers are those of
 * sentencepiece_model.proto; fields we do not need are skipped.
 */
public final class SentencePieceModel {

    /** TrainerSpec.model_type: 1 = UNIGRAM (ALBERT's), 2 = BPE, 3 = WORD, 4 = CHAR. */
    public static final int UNIGRAM = 1;

    private final String[] pieces;
    private final float[] scores;
    private final PieceType[] types;
    private final int modelType;
    private final int unkId;
    private final int padId;
    private final boolean byteFallback;
    private final boolean treatWhitespaceAsSuffix;
    private final String normalizerName;
    private final PrecompiledCharsMap charsMap;
    private final byte[] charsMapBlob;
    private final boolean addDummyPrefix;
    private final boolean removeExtraWhitespaces;
    private final boolean escapeWhitespaces;

    private SentencePieceModel(Parsed p, PrecompiledCharsMap charsMap) {
        this.pieces = p.pieces.toArray(new String[0]);
        this.scores = new float[pieces.length];
        this.types = p.types.toArray(new PieceType[0]);
        for (int i = 0; i < pieces.length; i++) scores[i] = p.scores.get(i);
        this.modelType = p.modelType;
        this.unkId = p.unkId;
        this.padId = p.padId;
        this.byteFallback = p.byteFallback;
        this.treatWhitespaceAsSuffix = p.treatWhitespaceAsSuffix;
        this.normalizerName = p.normalizerName;
        this.charsMap = charsMap;
        this.charsMapBlob = p.charsMap == null ? new byte[0] : p.charsMap;
        this.addDummyPrefix = p.addDummyPrefix;
        this.removeExtraWhitespaces = p.removeExtraWhitespaces;
        this.escapeWhitespaces = p.escapeWhitespaces;
    }

    /** Reads and checks a {@code spiece.model}; every problem is one line naming the file. */
    public static SentencePieceModel read(Path file) throws CheckpointException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot read the file (" + e.getMessage() + ")", e);
        }
        return parse(file, bytes);
    }

    static SentencePieceModel parse(Path file, byte[] bytes) throws CheckpointException {
        if (bytes.length == 0) throw new CheckpointException(file, "empty file, not a SentencePiece model");
        Parsed p = new Parsed();
        try {
            p.read(new ProtoReader(bytes));
        } catch (ProtoReader.Malformed e) {
            throw new CheckpointException(file, "not a SentencePiece model (" + e.getMessage() + ")");
        }
        if (p.pieces.isEmpty()) {
            throw new CheckpointException(file, "not a SentencePiece model (no pieces in it)");
        }
        if (!p.hasTrainerSpec || !p.hasNormalizerSpec) {
            throw new CheckpointException(file, "incomplete SentencePiece model: the "
                    + (p.hasTrainerSpec ? "normalizer" : "trainer") + " spec is missing (truncated file?)");
        }
        if (p.modelType != UNIGRAM) {
            throw new CheckpointException(file, "SentencePiece model type " + modelTypeName(p.modelType)
                    + " is not supported (ALBERT's is UNIGRAM)");
        }
        int unk = -1;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < p.pieces.size(); i++) {
            String piece = p.pieces.get(i);
            if (piece.isEmpty()) throw new CheckpointException(file, "piece " + i + " is empty");
            if (!seen.add(piece)) throw new CheckpointException(file, "piece '" + piece + "' appears twice");
            if (p.types.get(i) == PieceType.UNKNOWN) {
                if (unk >= 0) throw new CheckpointException(file, "more than one unknown piece");
                unk = i;
            }
        }
        if (unk < 0) throw new CheckpointException(file, "no unknown piece (<unk>) in the vocabulary");
        p.unkId = unk;
        PrecompiledCharsMap map = null;
        if (p.charsMap != null && p.charsMap.length > 0) {
            try {
                map = PrecompiledCharsMap.parse(p.charsMap);
            } catch (IllegalArgumentException e) {
                throw new CheckpointException(file, "broken precompiled_charsmap (" + e.getMessage() + ")");
            }
        }
        return new SentencePieceModel(p, map);
    }

    private static String modelTypeName(int type) {
        return switch (type) {
            case 1 -> "UNIGRAM";
            case 2 -> "BPE";
            case 3 -> "WORD";
            case 4 -> "CHAR";
            default -> String.valueOf(type);
        };
    }

    public int size() {
        return pieces.length;
    }

    public String piece(int id) {
        return pieces[id];
    }

    public float score(int id) {
        return scores[id];
    }

    public PieceType type(int id) {
        return types[id];
    }

    public int unkId() {
        return unkId;
    }

    /** TrainerSpec.pad_id, or -1 when the model has no padding piece. */
    public int padId() {
        return padId;
    }

    public int modelType() {
        return modelType;
    }

    public boolean byteFallback() {
        return byteFallback;
    }

    public boolean treatWhitespaceAsSuffix() {
        return treatWhitespaceAsSuffix;
    }

    /** NormalizerSpec.name, e.g. "nmt_nfkc". */
    public String normalizerName() {
        return normalizerName;
    }

    /** The compiled normalization rules, or null when the model has none (identity). */
    public PrecompiledCharsMap charsMap() {
        return charsMap;
    }

    /** The charsmap as stored (what tokenizer.json carries in base64); empty when there is none. */
    byte[] charsMapBlob() {
        return charsMapBlob.clone();
    }

    public boolean addDummyPrefix() {
        return addDummyPrefix;
    }

    public boolean removeExtraWhitespaces() {
        return removeExtraWhitespaces;
    }

    public boolean escapeWhitespaces() {
        return escapeWhitespaces;
    }

    /** Field-by-field state while reading; defaults are the proto's. */
    private static final class Parsed {
        final List<String> pieces = new ArrayList<>();
        final List<Float> scores = new ArrayList<>();
        final List<PieceType> types = new ArrayList<>();
        boolean hasTrainerSpec;
        boolean hasNormalizerSpec;
        int modelType = UNIGRAM;
        int unkId = 0;
        int padId = -1;
        boolean byteFallback;
        boolean treatWhitespaceAsSuffix;
        String normalizerName = "";
        byte[] charsMap;
        boolean addDummyPrefix = true;
        boolean removeExtraWhitespaces = true;
        boolean escapeWhitespaces = true;

        void read(ProtoReader r) throws ProtoReader.Malformed {
            while (r.next()) {
                switch (r.fieldNumber()) {
                    case 1 -> readPiece(r.message());
                    case 2 -> {
                        hasTrainerSpec = true;
                        readTrainerSpec(r.message());
                    }
                    case 3 -> {
                        hasNormalizerSpec = true;
                        readNormalizerSpec(r.message());
                    }
                    default -> r.skip();
                }
            }
        }

        private void readPiece(ProtoReader r) throws ProtoReader.Malformed {
            String piece = "";
            float score = 0;
            PieceType type = PieceType.NORMAL;
            while (r.next()) {
                switch (r.fieldNumber()) {
                    case 1 -> piece = r.string();
                    case 2 -> score = r.float32();
                    case 3 -> {
                        int n = r.int32();
                        type = PieceType.fromNumber(n);
                        if (type == null) {
                            throw new ProtoReader.Malformed("piece " + pieces.size() + " has unknown type " + n);
                        }
                    }
                    default -> r.skip();
                }
            }
            pieces.add(piece);
            scores.add(score);
            types.add(type);
        }

        private void readTrainerSpec(ProtoReader r) throws ProtoReader.Malformed {
            while (r.next()) {
                switch (r.fieldNumber()) {
                    case 3 -> modelType = r.int32();
                    case 24 -> treatWhitespaceAsSuffix = r.bool();
                    case 35 -> byteFallback = r.bool();
                    case 40 -> unkId = r.int32();
                    case 43 -> padId = r.int32();
                    default -> r.skip();
                }
            }
        }

        private void readNormalizerSpec(ProtoReader r) throws ProtoReader.Malformed {
            while (r.next()) {
                switch (r.fieldNumber()) {
                    case 1 -> normalizerName = r.string();
                    case 2 -> charsMap = r.bytes();
                    case 3 -> addDummyPrefix = r.bool();
                    case 4 -> removeExtraWhitespaces = r.bool();
                    case 5 -> escapeWhitespaces = r.bool();
                    default -> r.skip();
                }
            }
        }
    }
}

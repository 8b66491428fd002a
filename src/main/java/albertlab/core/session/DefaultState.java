package albertlab.core.session;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.Presets;

/**
 * The app as it opens, in one language: the explorer on albert-base-v2, the Live page on the trained mini ALBERT of
 * that language, the Training page on Tiny. A lesson's steps are written as changes to this state, so a step means
 * the same whatever the student did before.
 */
public final class DefaultState {

    public static final String EXPLORER_PRESET = "albert-base-v2";
    public static final String ENGLISH_SENTENCE = "The capital of France is Paris.";
    public static final String CHINESE_SENTENCE = "巴黎是法国的首都。";
    public static final String ENGLISH_PROBE = "The jury said it did not know what to do.";
    public static final String CHINESE_PROBE = "床前明月光，疑是地上霜。";
    public static final String ENGLISH_MODEL = "albert-mini-brown";
    public static final String CHINESE_MODEL = "albert-mini-poetry";

    private DefaultState() {
    }

    /** @param language "zh" or "en" */
    public static LabState of(String language) {
        boolean zh = "zh".equals(language);
        return new LabState(LabState.FORMAT_VERSION, "explorer", language, explorer(EXPLORER_PRESET),
                LiveState.trained(zh ? CHINESE_MODEL : ENGLISH_MODEL, albertlab.core.config.SharingMode.ALL_SHARED,
                        zh ? CHINESE_SENTENCE : ENGLISH_SENTENCE, "", -1, 1),
                withProbe(TrainingState.DEFAULT, zh ? CHINESE_PROBE : ENGLISH_PROBE), null);
    }

    /** The explorer's inputs as a preset sets them (I locked to 4H when the preset has I = 4H). */
    public static ExplorerState explorer(String preset) {
        AlbertConfig c = Presets.require(preset).config();
        return new ExplorerState(c.vocabSize(), c.embeddingSize(), c.hiddenSize(), c.numHiddenLayers(),
                c.numAttentionHeads(), c.intermediateSize(), c.intermediateSize() == 4 * c.hiddenSize(),
                c.sharingMode(), c.numHiddenGroups(), c.projection(), preset);
    }

    private static TrainingState withProbe(TrainingState t, String probe) {
        return new TrainingState(t.embedding(), t.hidden(), t.layers(), t.heads(), t.intermediate(), t.modes(),
                t.learningRate(), t.batchSize(), t.sequenceLength(), t.seed(), probe, t.watched(), t.application(),
                t.head());
    }
}

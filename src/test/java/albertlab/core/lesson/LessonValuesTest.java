package albertlab.core.lesson;

import albertlab.core.io.CheckpointException;
import albertlab.core.session.DefaultState;
import albertlab.core.session.LabState;
import albertlab.core.train.TrainedModelCard;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonValuesTest {

    private static LabState at(String preset) {
        return DefaultState.of("en").withExplorer(DefaultState.explorer(preset));
    }

    @Test
    void theSeedsExampleGivesItsNumbers() {
        Map<String, LessonValue> v = LessonValues.of(at("seed-example"), null, null);
        assertEquals("16,128,000", v.get("embedding.unfactorized").format());
        assertEquals("2,786,304", v.get("embedding.factorized").format());
        assertEquals("5.79×", v.get("embedding.saving").format());
        assertEquals("21,000", v.get("V").format());
        // written as the explorer's "FLOPs per token" readout writes it for these sizes
        assertEquals("174.8 M", v.get("flops.perToken").format());
    }

    @Test
    void bertBaseUncasedIsHuggingFacesExactCount() {
        Map<String, LessonValue> v = LessonValues.of(at("bert-base-uncased"), null, null);
        assertEquals("109,482,240", v.get("params.total").format());
        assertEquals("590,592", v.get("params.pooler").format());
        // sharing changes the parameters, never the FLOPs
        assertEquals(v.get("flops.perToken.all").value(), v.get("flops.perToken.none").value());
        assertTrue(v.get("params.total.all").value() < v.get("params.total.none").value());
    }

    @Test
    void everyNameHasAValueWithBothCardsAndNoOtherNameAppears() throws CheckpointException {
        TrainedModelCard card = TrainedModelCard.read(Path.of("assets/models/albert-mini-brown"));
        TrainedModelCard twin = TrainedModelCard.read(Path.of("assets/models/bert-mini-brown"));
        Map<String, LessonValue> v = LessonValues.of(at("albert-base-v2"), card, twin);
        assertEquals(LessonValues.NAMES, v.keySet().stream().collect(java.util.stream.Collectors.toCollection(
                java.util.TreeSet::new)));
        assertEquals("85.1%", v.get("card.sop").format());
        assertEquals("8.90", v.get("card.l2.1").format());
        assertEquals("31.5°", v.get("twin.angle.6").format());
        assertEquals(85.1, v.get("card.sop").answerValue(), 1e-9);
    }

    @Test
    void anImpossibleExplorerStateHasNoSizeValuesButTheTextStillFills() {
        Map<String, LessonValue> v = LessonValues.of(at("albert-base-v2"), null, null);
        assertEquals("With — cards", Placeholders.fill("With {card.sop} cards", v));
        assertEquals("{V} is 30,000", Placeholders.fill("{{V}} is {V}", v));
        assertEquals(List.of("V", "card.sop"), Placeholders.names("{V} and {card.sop}, {{not}}"));
        assertFalse(v.containsKey("card.sop"));
    }
}

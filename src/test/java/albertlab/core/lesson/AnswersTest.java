package albertlab.core.lesson;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static albertlab.core.lesson.Answers.Verdict.NOT_A_NUMBER;
import static albertlab.core.lesson.Answers.Verdict.NO_VALUE;
import static albertlab.core.lesson.Answers.Verdict.RIGHT;
import static albertlab.core.lesson.Answers.Verdict.WRONG;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswersTest {

    private static Question number(String answer, double tolerance, boolean relative) {
        return new Question(Question.Kind.NUMBER, "?", List.of(), answer, tolerance, relative, "h", "r", "w");
    }

    private static final Map<String, LessonValue> VALUES = Map.of(
            "embedding.factorized", new LessonValue(2_786_304, LessonValue.Kind.COUNT),
            "card.sop", new LessonValue(0.851, LessonValue.Kind.PERCENT));

    @Test
    void aNumberIsCheckedAgainstTheLiveValueWrittenAnyCommonWay() {
        Question q = number("{embedding.factorized}", 0.005, true);
        for (String typed : List.of("2,786,304", "2786304", "2 786 304", "2790000", "2，786，304")) {
            assertEquals(RIGHT, Answers.check(q, typed, VALUES), typed);
        }
        assertEquals(WRONG, Answers.check(q, "16,128,000", VALUES));
        assertEquals(WRONG, Answers.check(q, "2,700,000", VALUES), "3% off is outside 0.5%");
        assertEquals(NOT_A_NUMBER, Answers.check(q, "a lot", VALUES));
        assertEquals(NOT_A_NUMBER, Answers.check(q, "", VALUES));
        assertEquals(NO_VALUE, Answers.check(q, "1", Map.of()));
    }

    @Test
    void aPercentIsAnsweredAsShownAndAnAbsoluteToleranceIsAbsolute() {
        assertEquals(RIGHT, Answers.check(number("{card.sop}", 0.5, false), "85%", VALUES));
        assertEquals(WRONG, Answers.check(number("{card.sop}", 0.5, false), "84", VALUES));
        assertEquals(RIGHT, Answers.check(number("5.79", 0.01, false), "5.8×", VALUES));
    }

    @Test
    void flopsAreAnsweredInTheUnitTheTextShowsThemIn() {
        Map<String, LessonValue> v = Map.of("flops.perToken", new LessonValue(174_789_120, LessonValue.Kind.FLOPS));
        Question q = number("{flops.perToken}", 0.005, true);
        assertEquals("174.8 M", v.get("flops.perToken").format());
        for (String typed : List.of("174.8", "174.8 M", "174.8M", "0.1748 G", "174789120")) {
            assertEquals(RIGHT, Answers.check(q, typed, v), typed);
        }
        assertEquals(WRONG, Answers.check(q, "174.8 G", v));
    }

    @Test
    void aChoiceIsRightOnlyAtItsIndex() {
        Question q = new Question(Question.Kind.CHOICE, "?", List.of("a", "b", "c"), "1", 0, true, "h", "r", "w");
        assertEquals(RIGHT, Answers.check(q, 1));
        assertEquals(WRONG, Answers.check(q, 0));
        assertEquals(WRONG, Answers.check(q, 2));
    }
}

package albertlab.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartOptionsTest {

    @Test
    void noOptionsMeansTheSystemLanguageAndTheFirstPage() throws Exception {
        StartOptions o = StartOptions.parse(List.of());
        assertFalse(o.selfTest());
        assertNull(o.page());
        assertNull(o.language());
        assertEquals(1280, o.widthOr(1280));
    }

    @Test
    void valuesMayFollowOrBeJoinedWithAnEqualsSign() throws Exception {
        StartOptions o = StartOptions.parse(List.of("--self-test", "--page", "live", "--lang=zh", "--size",
                "1920x1080", "--snapshot=shots/a.png"));
        assertTrue(o.selfTest());
        assertEquals("live", o.page());
        assertEquals(Locale.SIMPLIFIED_CHINESE, o.language());
        assertEquals(1920, o.width());
        assertEquals(1080, o.height());
        assertEquals(Path.of("shots/a.png"), o.snapshot());
    }

    @Test
    void badOptionsAreOneLineThatNamesTheProblem() {
        assertEquals("unknown option '--fast' (" + StartOptions.USAGE + ")",
                assertThrows(StartOptions.BadOption.class, () -> StartOptions.parse(List.of("--fast"))).getMessage());
        assertEquals("--lang wants zh or en, got 'fr'",
                assertThrows(StartOptions.BadOption.class, () -> StartOptions.parse(List.of("--lang", "fr")))
                        .getMessage());
        assertTrue(assertThrows(StartOptions.BadOption.class, () -> StartOptions.parse(List.of("--size", "big")))
                .getMessage().startsWith("--size wants WIDTHxHEIGHT"));
        assertTrue(assertThrows(StartOptions.BadOption.class, () -> StartOptions.parse(List.of("--page")))
                .getMessage().startsWith("--page needs a value"));
    }

    @Test
    void aLessonAndItsStepAreOptionsForScreenshotsOfAnyStep() throws Exception {
        StartOptions o = StartOptions.parse(List.of("--lesson", "03-cross-layer-sharing", "--step=4", "--snapshot",
                "s.png"));
        assertEquals("03-cross-layer-sharing", o.lesson());
        assertEquals(4, o.step());
        assertEquals(1, StartOptions.parse(List.of("--lesson", "01-x")).step(), "the first step without --step");
        assertNull(StartOptions.parse(List.of()).lesson());
        assertEquals("--step wants a step number from 1, got 'two'", assertThrows(StartOptions.BadOption.class,
                () -> StartOptions.parse(List.of("--lesson", "a", "--step", "two"))).getMessage());
        assertTrue(assertThrows(StartOptions.BadOption.class, () -> StartOptions.parse(List.of("--step", "2")))
                .getMessage().startsWith("--step needs --lesson NAME"));
    }

    @Test
    void presentAndHighContrastAreFlags() throws Exception {
        StartOptions o = StartOptions.parse(List.of("--present", "--high-contrast", "--page", "live"));
        assertTrue(o.present());
        assertTrue(o.highContrast());
        assertEquals("live", o.page());
        StartOptions none = StartOptions.parse(List.of());
        assertFalse(none.present());
        assertFalse(none.highContrast());
        assertTrue(StartOptions.USAGE.contains("--present") && StartOptions.USAGE.contains("--high-contrast"));
    }

    @Test
    void aDoubleClickedSessionFileIsTakenAsTheSessionNotRefused() throws Exception {
        StartOptions o = StartOptions.parse(List.of("/home/student/week3.albertlab"));
        assertEquals(java.nio.file.Path.of("/home/student/week3.albertlab"), o.sessionFile());
        assertThrows(StartOptions.BadOption.class, () -> StartOptions.parse(List.of("a.albertlab", "b.albertlab")));
    }

    @Test
    void aSessionFileMayComeWithOtherOptionsInAnyPlace() throws Exception {
        StartOptions o = StartOptions.parse(List.of("week3.albertlab", "--lang", "zh", "--size=1280x800"));
        assertEquals(Path.of("week3.albertlab"), o.sessionFile());
        assertEquals(Locale.SIMPLIFIED_CHINESE, o.language());
        assertNull(StartOptions.parse(List.of("--lang", "en")).sessionFile());
    }
}

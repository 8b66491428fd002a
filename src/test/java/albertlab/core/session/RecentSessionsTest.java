package albertlab.core.session;

import albertlab.core.io.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecentSessionsTest {

    @TempDir
    Path dir;

    private Path session(int i) {
        return dir.resolve("s" + i + ".albertlab");
    }

    @Test
    void theNewestComesFirstAndADuplicateMovesToTheFront() {
        List<Path> list = List.of();
        list = RecentSessions.add(list, session(1));
        list = RecentSessions.add(list, session(2));
        list = RecentSessions.add(list, session(3));
        assertEquals(List.of(session(3), session(2), session(1)), list);
        // the same file named another way is still the same entry
        list = RecentSessions.add(list, dir.resolve("sub").resolve("..").resolve("s1.albertlab"));
        assertEquals(List.of(session(1), session(3), session(2)), list);
    }

    @Test
    void atMostEightAreKeptAndTheOldestGoes() {
        List<Path> list = List.of();
        for (int i = 1; i <= 11; i++) list = RecentSessions.add(list, session(i));
        assertEquals(8, list.size());
        List<Path> expected = new ArrayList<>();
        for (int i = 11; i >= 4; i--) expected.add(session(i));
        assertEquals(expected, list);
    }

    @Test
    void aWrittenListReadsBackInTheSameOrder() throws Exception {
        List<Path> list = List.of();
        for (int i = 1; i <= 5; i++) list = RecentSessions.add(list, session(i));
        Path file = dir.resolve("recent-sessions.json");
        RecentSessions.write(file, list);
        assertEquals(list, RecentSessions.read(file));
        assertEquals(List.of(session(5), session(4)), RecentSessions.read(file).subList(0, 2));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "written atomically: no temporary file left");
        }
    }

    @Test
    void aHandEditedListIsCutToEightWithoutRepeats() throws Exception {
        Path file = dir.resolve("recent-sessions.json");
        StringBuilder json = new StringBuilder("{\"formatVersion\": 1, \"files\": [");
        for (int i = 1; i <= 10; i++) json.append('"').append(session(i)).append("\", ");
        json.append('"').append(session(1)).append("\"]}");
        Files.writeString(file, json.toString());
        List<Path> read = RecentSessions.read(file);
        assertEquals(8, read.size());
        assertEquals(List.of(session(1), session(2), session(3)), read.subList(0, 3));
    }

    @Test
    void aBrokenListIsOneLineNamingTheFile() throws Exception {
        Path file = dir.resolve("recent-sessions.json");
        Files.writeString(file, "{\"formatVersion\": 1, \"files\": [3]}");
        assertEquals("recent-sessions.json: files must hold only strings, got 3",
                assertThrows(CheckpointException.class, () -> RecentSessions.read(file)).getMessage());
        Files.writeString(file, "{\"formatVersion\": 9, \"files\": []}");
        assertEquals("recent-sessions.json: was written by a newer ALBERT Lab (formatVersion 9; this one reads up to 1)",
                assertThrows(CheckpointException.class, () -> RecentSessions.read(file)).getMessage());
    }
}

package albertlab.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppResourcesTest {

    @TempDir
    Path tmp;

    @Test
    void installedAppFindsFoldersBesideItsJarBeforeTheWorkingDirectory() throws IOException {
        Path app = Files.createDirectories(tmp.resolve("opt/albert-lab/lib/app"));
        Path jar = Files.writeString(app.resolve("albert-lab-0.1.0.jar"), "jar");
        Path installed = Files.createDirectory(app.resolve("assets"));
        Path cwd = Files.createDirectories(tmp.resolve("home/student"));
        Files.createDirectory(cwd.resolve("assets"));

        assertEquals(installed, AppResources.locate("assets", jar, cwd));
    }

    @Test
    void developmentClassesFolderFindsTheProjectRoot() throws IOException {
        Path project = tmp.resolve("albert-lab");
        Path classes = Files.createDirectories(project.resolve("target/classes"));
        Path lessons = Files.createDirectory(project.resolve("lessons"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));

        assertEquals(lessons, AppResources.locate("lessons", classes, elsewhere));
    }

    @Test
    void aJarWithNothingBesideItFallsBackToTheWorkingDirectory() throws IOException {
        Path jar = Files.writeString(Files.createDirectories(tmp.resolve("target")).resolve("albert-lab.jar"), "jar");
        Path cwd = Files.createDirectories(tmp.resolve("checkout"));
        Path assets = Files.createDirectory(cwd.resolve("assets"));

        assertEquals(assets, AppResources.locate("assets", jar, cwd));
        assertEquals(assets, AppResources.locate("assets", null, cwd));
    }

    @Test
    void whenNothingExistsTheWorkingDirectoryPathIsNamed() {
        Path cwd = tmp.resolve("empty");
        assertEquals(cwd.resolve("assets"), AppResources.locate("assets", tmp.resolve("nowhere.jar"), cwd));
    }

    @Test
    void thisBuildFindsTheRepositoryAssetsWithTheSourceIcon() {
        assertTrue(Files.isRegularFile(AppResources.assets().resolve("icon/albert-lab.svg")), AppResources.assets().toString());
        assertTrue(Files.isDirectory(AppResources.lessons()), AppResources.lessons().toString());
    }
}

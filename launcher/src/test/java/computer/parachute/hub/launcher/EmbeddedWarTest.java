package computer.parachute.hub.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WAR embedded in the launcher's resources (copied there by the pom) is unpacked once and then reused. */
class EmbeddedWarTest {
    @TempDir
    Path cache;

    @Test
    void unpacksOnceAndReusesTheCompleteCopy() throws Exception {
        Path first = EmbeddedWar.explode(cache);
        Path webXml = first.resolve("WEB-INF/web.xml");
        assertTrue(Files.isRegularFile(webXml));
        FileTime marker = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(webXml, marker);

        Path second = EmbeddedWar.explode(cache);
        assertEquals(first, second);
        assertEquals(marker, Files.getLastModifiedTime(webXml), "a complete copy must not be unpacked again");
        try (var entries = Files.list(cache)) {
            assertEquals(1, entries.count(), "no temporary directories left behind");
        }
    }

    /**
     * The WAR's classes and libraries are on launcher.jar's class path (one loader, AppCDS-archivable); the exploded
     * WAR holds its descriptor and the dashboard's static files (the web root), nothing else.
     */
    @Test
    void theEmbeddedWarCarriesOnlyItsDescriptorAndTheDashboardFiles() throws Exception {
        Path dir = EmbeddedWar.explode(cache);
        try (var files = Files.walk(dir)) {
            assertEquals(List.of("WEB-INF/web.xml", "ui/app.css", "ui/app.js", "ui/dashboard.html", "ui/signin.html"),
                    files.filter(Files::isRegularFile).map(dir::relativize).map(Path::toString)
                            .filter(name -> !name.equals(EmbeddedWar.LISTING)).sorted().toList());
        }
        assertTrue(Files.readString(dir.resolve("WEB-INF/web.xml")).contains("computer.parachute.hub.app.HubContextListener"));
        // the listener web.xml names is loaded from the launcher's own class path
        assertEquals(ClassLoader.getSystemClassLoader(),
                Class.forName("computer.parachute.hub.app.HubContextListener").getClassLoader());
    }

    @Test
    void refusesACacheDirectoryOthersCanWriteTo() throws Exception {
        Path shared = Files.createDirectories(cache.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        IOException e = assertThrows(IOException.class, () -> EmbeddedWar.explode(shared));
        assertTrue(e.getMessage().startsWith(shared + " is not a private directory of "), e.getMessage());
    }

    @Test
    void unpacksAgainWhenATmpReaperRemovedAFile() throws Exception {
        Path dir = EmbeddedWar.explode(cache);
        Path webXml = dir.resolve("WEB-INF/web.xml");
        Files.delete(webXml);

        assertEquals(dir, EmbeddedWar.explode(cache));
        assertTrue(Files.isRegularFile(webXml), "the damaged copy was not repaired");
    }
}

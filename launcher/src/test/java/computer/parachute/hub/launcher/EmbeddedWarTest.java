package computer.parachute.hub.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

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
        Path jar;
        try (var jars = Files.list(dir.resolve("WEB-INF/lib"))) {
            jar = jars.findFirst().orElseThrow();
        }
        Files.delete(jar);

        assertEquals(dir, EmbeddedWar.explode(cache));
        assertTrue(Files.isRegularFile(jar), "the damaged copy was not repaired");
    }
}

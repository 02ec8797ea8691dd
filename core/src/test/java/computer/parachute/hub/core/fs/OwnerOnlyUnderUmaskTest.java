package computer.parachute.hub.core.fs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9: under {@code umask 000} (a real umask, in a child JVM started by {@code sh}), everything the core writers
 * create under PARACHUTE_HOME is owner-only: directories 0700, files 0600, hub.db-wal and -shm included.
 */
class OwnerOnlyUnderUmaskTest {
    @TempDir Path dir;

    @Test
    void everyWriterCreatesOwnerOnlyFilesAndDirectoriesUnderUmask000() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder("sh", "-c", "umask 000; exec \"$@\"", "sh", java, "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), UmaskWriters.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child finished");
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), output);

        Map<String, String> modes = new LinkedHashMap<>();
        output.lines().filter(l -> l.matches("[-rwx]{9} .*")).forEach(l -> modes.put(l.substring(10), l.substring(0, 9)));
        assertEquals("rw-rw-rw-", modes.get("control"), "the child really ran under umask 000: " + output);
        for (String file : List.of("home/nested/services.json", "home/nested/.services.json.lock", "home/nested/vault/.env",
                "home/nested/operator.token", "home/nested/hub/run/hub.port", "home/nested/vault/logs/vault.log",
                "home/nested/hub.db", "home/nested/hub.db-wal", "home/nested/hub.db-shm")) {
            assertEquals("rw-------", modes.get(file), file + " in " + modes);
        }
        for (String directory : List.of("home", "home/nested", "home/nested/vault", "home/nested/vault/logs",
                "home/nested/hub", "home/nested/hub/run")) {
            assertEquals("rwx------", modes.get(directory), directory + " in " + modes);
        }
    }
}

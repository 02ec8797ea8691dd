package computer.parachute.hub.core.unit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubJvmFlagsTest {
    @TempDir
    Path dir;

    @Test
    void withoutAnArchiveBesideTheJarTheFlagsAreTheRecommendedOnes() {
        assertEquals(HubJvmFlags.recommended(), HubJvmFlags.forLauncher(dir.resolve("launcher.jar")));
    }

    @Test
    void anArchiveBesideTheJarIsUsedQuietly() throws Exception {
        Path archive = Files.writeString(dir.resolve(HubJvmFlags.LAUNCHER_ARCHIVE), "x");
        List<String> flags = HubJvmFlags.forLauncher(dir.resolve("launcher.jar"));
        assertEquals(HubJvmFlags.recommended(), flags.subList(0, HubJvmFlags.recommended().size()));
        assertTrue(flags.contains("-XX:SharedArchiveFile=" + archive), flags.toString());
        assertTrue(flags.containsAll(HubJvmFlags.QUIET_CDS), flags.toString());
    }

    /** A stale or foreign archive (rebuilt jar, other JDK) must never stop the hub from starting, nor print warnings. */
    @Test
    void aBrokenArchiveIsIgnoredByThisJvmWithoutOutput() throws Exception {
        Files.writeString(dir.resolve(HubJvmFlags.LAUNCHER_ARCHIVE), "not an archive");
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(HubJvmFlags.forLauncher(dir.resolve("launcher.jar")));
        argv.add("-version");
        Process java = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());
        assertTrue(java.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, java.exitValue(), output);
        assertFalse(output.toLowerCase().contains("cds") || output.toLowerCase().contains("shared"), output);
    }
}

package computer.parachute.hub.core.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered unit must satisfy systemd itself. Skipped (not failed) where systemd-analyze is
 * absent, e.g. macOS. systemd-analyze exits 0 even for unknown keys, so the test also requires
 * that no output line mentions our file; lines about other units on the host are ignored.
 */
class SystemdAnalyzeVerifyTest {

    private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private final ProcessCommandRunner runner = new ProcessCommandRunner();
    private Path java;

    @BeforeEach
    void requireSystemdAnalyze() {
        // a genuine platform gate (systemd exists on Linux only), and on Linux a failure, never a silent skip:
        // .ci/run installs systemd, so a missing tool there means a broken image or a broken isOnPath
        Assumptions.assumeTrue(OS.LINUX.isCurrentOs(), "systemd-analyze exists on Linux only");
        assertTrue(runner.isOnPath("systemd-analyze"), "systemd-analyze not on PATH: apt-get install systemd"
                + " (as .ci/run does)");
        java = Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath();
    }

    @Test
    void userUnitVerifies() throws Exception {
        verify(temp, HubUnit.forLauncher(java, launcherJar(temp), temp.resolve("home"), 1939, false, "op",
                "/usr/local/bin:/usr/bin:/bin"));
    }

    @Test
    void systemUnitWithUserVerifies() throws Exception {
        verify(temp, HubUnit.forLauncher(java, launcherJar(temp), temp.resolve("home"), 1939, true, "op",
                "/usr/local/bin:/usr/bin:/bin"));
    }

    @Test
    void pathsWithSpacesAndPercentVerify() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("with space 100%"));
        verify(dir, HubUnit.forLauncher(java, launcherJar(dir), dir.resolve("my home"), 1939, false, "op",
                "/usr/bin:/bin:" + dir));
    }

    private static Path launcherJar(Path dir) throws Exception {
        return Files.writeString(dir.resolve("launcher.jar"), "not really a jar");
    }

    private void verify(Path dir, HubUnit unit) throws Exception {
        Path file = dir.resolve(HubUnit.UNIT_NAME);
        Files.writeString(file, SystemdUnit.render(unit));
        CommandResult result = runner.run(List.of("systemd-analyze", "verify", file.toString()), VERIFY_TIMEOUT);
        String aboutOurs = (result.stdout() + result.stderr()).lines()
                .filter(line -> line.contains(HubUnit.UNIT_NAME))
                .collect(Collectors.joining("\n"));
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(aboutOurs.isEmpty(), "systemd-analyze complained about the unit:\n" + aboutOurs);
    }
}

package computer.parachute.hub.cli.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the CLI is installed and which tools the machine has: the wrapper script from a directory whose path has a
 * space, and the detached hub on a PATH without setsid (macOS has none).
 */
class PortabilityIT {
    @TempDir
    Path root;

    @Test
    void theWrapperRunsFromADirectoryWithASpaceInItsPath() throws Exception {
        Path target = CliProcess.cliJar().toAbsolutePath().getParent();
        Path spaced = Files.createDirectories(root.resolve("Application Support/para chute"));
        for (String file : List.of("parachute", "parachute.jar", "parachute.jsa")) {
            assertTrue(Files.isRegularFile(target.resolve(file)), file + " is built by mvn package");
            Files.copy(target.resolve(file), spaced.resolve(file));
        }
        Process wrapper = new ProcessBuilder("sh", spaced.resolve("parachute").toString(), "version")
                .redirectErrorStream(true).start();
        assertTrue(wrapper.waitFor(CliProcess.RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        String output = new String(wrapper.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, wrapper.exitValue(), output);
        assertTrue(output.matches("parachute \\S+\\n"), output);
    }

    @Test
    void theDetachedHubStartsAndStopsOnAPathWithoutSetsid() throws Exception {
        CliProcess cli = new CliProcess(root.resolve("home"), CliProcess.freePort());
        cli.env.put("PATH", Files.createDirectories(root.resolve("bare-bin")).toString()); // no setsid, no perl
        try {
            CliProcess.Result start = cli.run("start", "hub");
            assertEquals(0, start.code(), start.all());
            assertTrue(start.stdout().startsWith("✓ hub started (pid "), start.all());
            long pid = Long.parseLong(Files.readAllLines(cli.home.resolve("hub/run/hub.pid")).get(0).trim());
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            CliProcess.Result stop = cli.run("stop", "hub");
            assertEquals(0, stop.code(), stop.all());
            assertEquals("✓ hub stopped.\n", stop.stdout());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        } finally {
            cli.killRecordedHub();
        }
    }
}

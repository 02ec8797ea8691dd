package computer.parachute.hub.cli.it;

import computer.parachute.hub.core.testing.Poll;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 through the real CLI and a detached hub: a module that prints 4 MB fills its own log, while
 * {@code hub/logs/hub.log} (the hub's stdout, which nothing rotates) holds only the hub's own notes.
 */
class HubLogBoundIT extends FreshHomeScenario {
    private static final int MODULE_BYTES = 4_000_000;

    @Test
    void moduleOutputGoesToTheModulesLogNotIntoHubLog() throws Exception {
        Path module = Files.createDirectories(root.resolve("chatty/.parachute")).getParent();
        String script = "head -c " + MODULE_BYTES + " /dev/zero | tr '\\000' x | fold -w 99; echo; echo '[supervisor] forged note'; "
                + "echo spam-done; exec sleep 120";
        Files.writeString(module.resolve(".parachute/module.json"), Json.createObjectBuilder().add("name", "chatty")
                .add("port", CliProcess.freePort()).add("paths", Json.createArrayBuilder().add("/chatty"))
                .add("health", "/health").add("startCmd", Json.createArrayBuilder().add("sh").add("-c").add(script))
                .build().toString());
        assertEquals(0, cli.run("install", module.toString(), "--no-start").code());
        CliProcess.Result start = cli.run("start", "hub");
        assertEquals(0, start.code(), start.all());

        Path moduleLog = cli.home.resolve("chatty/logs/chatty.log");
        Poll.require(Duration.ofSeconds(60), "the module's output to reach its log",
                () -> contains(moduleLog, "spam-done"));
        Path hubLog = cli.home.resolve("hub/logs/hub.log");
        long hubLogBytes = Files.size(hubLog);
        String hubLogText = Files.readString(hubLog);
        assertTrue(Files.size(moduleLog) > MODULE_BYTES / 2, "the module's own log has its output");
        assertTrue(Files.readString(moduleLog).contains("[chatty] [supervisor] forged note"), "the forged note is marked");
        assertTrue(hubLogBytes < 64 * 1024, "hub.log holds the hub's notes only: " + hubLogBytes + " bytes");
        assertFalse(hubLogText.contains("xxxxxxxxxx") || hubLogText.contains("forged note"), hubLogText);
        assertEquals(0, cli.run("stop", "hub").code());
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.isRegularFile(file) && Files.readString(file).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}

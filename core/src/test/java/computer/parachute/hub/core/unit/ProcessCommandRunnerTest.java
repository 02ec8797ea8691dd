package computer.parachute.hub.core.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uses only /bin/sh: the production runner is exercised without any service manager. */
class ProcessCommandRunnerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @BeforeEach
    void requireSh() {
        // every POSIX system has sh: a false here is a bug in isOnPath, not a reason to skip
        assertTrue(runner.isOnPath("sh"), "sh must be found on PATH");
    }

    @Test
    void capturesExitCodeStdoutAndStderr() throws Exception {
        CommandResult result = runner.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), TIMEOUT);
        assertEquals(new CommandResult(3, "out\n", "err\n"), result);
        assertFalse(result.ok());
        assertEquals("err", result.detail());
    }

    @Test
    void aCommandThatOutlivesItsTimeoutIsKilledAndReported() {
        IOException e = assertThrows(IOException.class,
                () -> runner.run(List.of("sh", "-c", "sleep 30"), Duration.ofMillis(200)));
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
    }

    @Test
    void aMissingProgramIsAnIOException() {
        assertThrows(IOException.class, () -> runner.run(List.of("/nonexistent/parachute-nope"), TIMEOUT));
    }

    @Test
    void isOnPathSearchesTheGivenPath(@org.junit.jupiter.api.io.TempDir Path empty) {
        assertTrue(runner.isOnPath("sh"));
        assertFalse(runner.isOnPath("parachute-surely-not-a-binary"));
        assertFalse(new ProcessCommandRunner(empty.toString()).isOnPath("sh"));
    }

    @Test
    void detailFallsBackToStdoutThenUnknown() {
        assertEquals("why", new CommandResult(1, " why\n", "").detail());
        assertEquals("unknown error", new CommandResult(1, "", " ").detail());
    }
}

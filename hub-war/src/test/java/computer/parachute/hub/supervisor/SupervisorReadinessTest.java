package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import computer.parachute.hub.core.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness gate, late-bind re-probe and preflight (DESIGN §5; reference §2.3). */
class SupervisorReadinessTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** A short window so "never binds" costs well under a second. */
    private static final SupervisorSettings SHORT_GATE = SupervisorFixture.FAST
            .withReadiness(Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofSeconds(10));

    @TempDir Path temp;
    private SupervisorFixture fx;

    @AfterEach
    void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void aModuleThatNeverBindsStaysRunningWithStartedButUnbound() throws Exception {
        fx = new SupervisorFixture(temp, SHORT_GATE);
        SpawnRequest request = fx.module("vault", "TM_NEVER_BIND", "1");
        ModuleSnapshot started = fx.supervisor.start(request);

        assertTrue(started.is(ModuleState.RUNNING), started.toString());
        StartError error = started.startError();
        assertNotNull(error);
        assertEquals("started_but_unbound", error.type());
        assertEquals("vault started (pid " + started.pid() + ") but is not listening on port "
                + request.port().getAsInt() + " after 500ms — it may still be coming up, or the port is held by"
                + " another process.", error.description());
        assertNotNull(error.at());
    }

    @Test
    void aLateBinderIsClearedByTheBackgroundReprobe() throws Exception {
        fx = new SupervisorFixture(temp, SHORT_GATE);
        ModuleSnapshot started = fx.supervisor.start(fx.module("vault", "TM_BIND_DELAY_MS", "1200"));
        assertEquals("started_but_unbound", started.startError().type());

        Poll.require(WAIT, "re-probe clears the note", () -> fx.supervisor.get("vault").orElseThrow()
                .startError() == null);
        assertTrue(fx.output.contains("[supervisor] vault is now listening on port"));
    }

    @Test
    void aCleanRestartClearsAPriorUnboundNote() throws Exception {
        fx = new SupervisorFixture(temp, SHORT_GATE);
        Path installDir = fx.install("vault");
        int port = computer.parachute.hub.core.testing.FreePorts.find();
        fx.supervisor.start(fx.request("vault", installDir, port, "TM_NEVER_BIND", "1"));
        ModuleSnapshot restarted = fx.supervisor.restart("vault", fx.request("vault", installDir, port))
                .orElseThrow();
        assertNull(restarted.startError(), restarted.toString());
        assertTrue(restarted.is(ModuleState.RUNNING));
    }

    @Test
    void noPortMeansNoGate() throws Exception {
        fx = new SupervisorFixture(temp);
        ModuleSnapshot started = fx.supervisor.start(new SpawnRequest("sleeper", List.of("sleep", "30"), null,
                Map.of()));
        assertTrue(started.is(ModuleState.RUNNING));
        assertNull(started.startError());
        assertEquals(0, fx.probe.calls());
    }

    @Test
    void aCrashDuringTheGateEndsTheWait() throws Exception {
        fx = new SupervisorFixture(temp); // 4 s window
        ModuleSnapshot started = fx.supervisor.start(fx.module("vault", "TM_CRASH_AT_START", "1"));
        // the wait ended on the exit, not the window: no unbound note, and the crash policy took over
        StartError error = started.startError();
        assertTrue(error == null || !error.is(StartErrorType.STARTED_BUT_UNBOUND), String.valueOf(error));
        assertTrue(fx.probe.calls() < 40, "probed through the whole window: " + fx.probe.calls());
    }

    @Test
    void aMissingBinaryIsCrashedWithMissingDependencyAndNothingIsSpawned() throws Exception {
        fx = new SupervisorFixture(temp);
        ModuleSnapshot started = fx.supervisor.start(new SpawnRequest("vault",
                List.of("parachute-vault-not-installed", "serve"), null, Map.of("PORT", "1")));

        assertTrue(started.is(ModuleState.CRASHED));
        assertNull(started.pid());
        assertEquals("missing_dependency", started.startError().type());
        assertEquals("parachute-vault-not-installed", started.startError().binary());
        assertEquals(0, fx.launcher.spawnCount());
    }

    @Test
    void aBinaryWithoutTheExecuteBitIsNonExecutableWithTheChmodFix() throws Exception {
        fx = new SupervisorFixture(temp);
        Path binDir = Files.createDirectories(temp.resolve("bin"));
        Path binary = Files.writeString(binDir.resolve("vault-server"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rw-r--r--"));
        ModuleSnapshot started = fx.supervisor.start(new SpawnRequest("vault", List.of("vault-server"), null,
                Map.of("PATH", binDir.toString())));

        assertTrue(started.is(ModuleState.CRASHED));
        assertEquals("non_executable", started.startError().type());
        assertTrue(started.startError().description().contains("chmod +x " + binary), started.toString());
        assertEquals(0, fx.launcher.spawnCount());
    }
}

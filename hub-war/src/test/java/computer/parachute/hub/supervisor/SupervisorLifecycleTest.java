package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import computer.parachute.hub.core.net.TcpPortProbe;
import computer.parachute.hub.core.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, stop, restart, list and logs against real test-module processes (reference §8.1). */
class SupervisorLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir Path temp;
    private SupervisorFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new SupervisorFixture(temp);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void startRunsTheModuleAndReturnsOnceItsPortIsBound() throws Exception {
        SpawnRequest request = fx.module("vault");
        ModuleSnapshot started = fx.supervisor.start(request);

        assertTrue(started.is(ModuleState.RUNNING), started.toString());
        assertEquals(1, fx.launcher.spawnCount());
        assertEquals("vault", fx.launcher.requests().get(0).shortName());
        assertEquals(fx.children().get(0).pid(), started.pid());
        assertNotNull(started.startedAt());
        assertNull(started.startError());
        assertTrue(new TcpPortProbe().isListening(request.port().getAsInt()));
    }

    @Test
    void secondStartOfARunningModuleIsIdempotent() throws Exception {
        SpawnRequest request = fx.module("vault");
        ModuleSnapshot first = fx.supervisor.start(request);
        ModuleSnapshot second = fx.supervisor.start(request);
        assertEquals(first.pid(), second.pid());
        assertEquals(1, fx.launcher.spawnCount());
    }

    @Test
    void stopSendsOneTermToTheOnlyProcessAwaitsTheExitAndDoesNotRespawn() throws Exception {
        ModuleSnapshot started = fx.supervisor.start(fx.module("vault"));
        ModuleSnapshot stopped = fx.supervisor.stop("vault").orElseThrow();

        assertTrue(stopped.is(ModuleState.STOPPED), stopped.toString());
        assertNull(stopped.pid());
        assertTrue(fx.children().get(0).onExit().isDone(), "stop returned before the exit");
        assertEquals(List.of(new RecordingSignals.Sent(started.pid(), Signal.TERM)), fx.signals.sent(),
                "a family of one that obeys SIGTERM gets nothing else");
        assertTrue(fx.signals.groups().isEmpty(), "with /proc, members are signalled one by one, never as a group");
        assertEquals(143, stopped.lastExitCode());
        assertFalse(Poll.until(Duration.ofMillis(300), () -> fx.launcher.spawnCount() > 1), "respawned after stop");
        assertEquals(stopped, fx.supervisor.stop("vault").orElseThrow(), "stop is idempotent");
        assertEquals(1, fx.signals.sent().size(), "a stopped module's old pid is never signalled again");
    }

    @Test
    void aChildIgnoringTermIsKilledAfterTheGrace() throws Exception {
        fx.close();
        fx = new SupervisorFixture(temp.resolve("short-grace"),
                SupervisorFixture.FAST.withStopGrace(Duration.ofMillis(300)));
        ModuleSnapshot started = fx.supervisor.start(fx.module("vault", "TM_IGNORE_TERM", "1"));
        ModuleSnapshot stopped = fx.supervisor.stop("vault").orElseThrow();

        assertEquals(List.of(new RecordingSignals.Sent(started.pid(), Signal.TERM),
                new RecordingSignals.Sent(started.pid(), Signal.KILL)), fx.signals.sent());
        assertTrue(fx.output.contains("[supervisor] vault did not exit 300ms after SIGTERM — escalating to SIGKILL (1 process)."),
                fx.output.lines().toString());
        assertTrue(stopped.is(ModuleState.STOPPED));
        assertEquals(137, stopped.lastExitCode());
    }

    @Test
    void restartStopsTheOldProcessAndSpawnsAFreshOne() throws Exception {
        SpawnRequest request = fx.module("vault");
        ModuleSnapshot first = fx.supervisor.start(request);
        ModuleSnapshot restarted = fx.supervisor.restart("vault", request).orElseThrow();

        assertTrue(restarted.is(ModuleState.RUNNING), restarted.toString());
        assertNotEquals(first.pid(), restarted.pid());
        assertEquals(2, fx.launcher.spawnCount());
        assertTrue(fx.children().get(0).onExit().isDone());
    }

    @Test
    void aRestartSettlesTheOldExitAsAStopAndItsLateExitCallbackChangesNothing() throws Exception {
        SpawnRequest request = fx.module("vault");
        ModuleSnapshot first = fx.supervisor.start(request);
        ModuleSnapshot restarted = fx.supervisor.restart("vault", request).orElseThrow();

        // the restart saw the old exit itself (the JDK's reaper woke it) and settled it as a requested stop
        assertEquals(143, restarted.lastExitCode(), restarted.toString());
        assertEquals(0, restarted.restartsInWindow());
        assertNull(restarted.lastCrashAt());
        assertEquals(List.of(new RecordingSignals.Sent(first.pid(), Signal.TERM)), fx.signals.sent());
        // the old child's exit callback, whenever it runs, finds the stop settled: no crash, no respawn
        assertFalse(Poll.until(Duration.ofMillis(300), () -> !fx.supervisor.get("vault").orElseThrow().equals(
                restarted) || fx.launcher.spawnCount() > 2), fx.supervisor.get("vault").toString());
    }

    @Test
    void restartUsesTheRebuiltRequestSoADotEnvChangeIsPickedUp() throws Exception {
        Path installDir = fx.install("vault");
        int port = computer.parachute.hub.core.testing.FreePorts.find();
        Files.createDirectories(fx.home.moduleDir("vault"));
        Files.writeString(fx.home.moduleEnvFile("vault"), "TM_ECHO=first\n");
        fx.supervisor.start(fx.request("vault", installDir, port));
        Files.writeString(fx.home.moduleEnvFile("vault"), "TM_ECHO=second\nPORT=1\n");
        fx.supervisor.restart("vault", fx.request("vault", installDir, port)).orElseThrow();

        Poll.require(WAIT, "second startup line", () -> fx.supervisor.logs("vault").orElseThrow().stream()
                .anyMatch(line -> line.endsWith("echo=second")));
        assertEquals(String.valueOf(port), fx.launcher.requests().get(1).env().get("PORT"));
        assertTrue(fx.supervisor.logs("vault").orElseThrow().stream().anyMatch(l -> l.endsWith("echo=first")));
    }

    @Test
    void restartRequiresTheSameShortAndAnUnknownModuleIsNotSupervised() throws Exception {
        SpawnRequest other = fx.module("other");
        assertThrows(IllegalArgumentException.class, () -> fx.supervisor.restart("vault", other));
        assertEquals(Optional.empty(), fx.supervisor.restart("other", other));
        assertEquals(Optional.empty(), fx.supervisor.stop("nobody"));
        assertEquals(Optional.empty(), fx.supervisor.get("nobody"));
        assertEquals(Optional.empty(), fx.supervisor.logs("nobody"));
        assertEquals(Optional.empty(), fx.supervisor.follow("nobody", line -> { }));
        assertEquals(0, fx.launcher.spawnCount());
    }

    @Test
    void listReturnsEveryModuleInStartOrderAndForgetDropsOnlyStoppedOnes() throws Exception {
        fx.supervisor.start(fx.module("vault"));
        fx.supervisor.start(fx.module("notes"));
        assertEquals(List.of("vault", "notes"), fx.supervisor.list().stream().map(ModuleSnapshot::shortName).toList());
        assertFalse(fx.supervisor.forget("vault"), "a running module is not forgotten");
        fx.supervisor.stop("vault");
        assertTrue(fx.supervisor.forget("vault"));
        assertEquals(List.of("notes"), fx.supervisor.list().stream().map(ModuleSnapshot::shortName).toList());
    }

    @Test
    void stopAllStopsEveryModule() throws Exception {
        fx.supervisor.start(fx.module("vault"));
        fx.supervisor.start(fx.module("notes"));
        fx.supervisor.stopAll();
        assertTrue(fx.supervisor.list().stream().allMatch(s -> s.is(ModuleState.STOPPED)), fx.supervisor.list()
                .toString());
        assertTrue(fx.launcher.alive().isEmpty());
    }

    @Test
    void shutdownRefusesLaterStarts() throws Exception {
        SpawnRequest request = fx.module("vault");
        fx.supervisor.shutdown();
        assertThrows(IllegalStateException.class, () -> fx.supervisor.start(request));
    }
}

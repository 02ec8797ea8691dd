package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import computer.parachute.hub.core.db.HubDatabase;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.time.MonotonicClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash backoff, the restart budget and respawn cancellation, where time is the subject: a manual scheduler and a
 * fake monotonic clock drive them, fake processes stand in for children, so nothing here sleeps or races a timer.
 * (The exit callback still runs on the supervisor's worker, hence the bounded polls for its state changes.)
 */
class SupervisorTimingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir Path temp;
    private final FakeProcesses processes = new FakeProcesses();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final MonotonicClock clock = nanos::get;
    private HubDatabase db;
    private Supervisor supervisor;
    private final SpawnRequest request = new SpawnRequest("vault", List.of("/bin/sh"), null, Map.of());

    @BeforeEach
    void setUp() throws Exception {
        HubHome home = new HubHome(temp.resolve("home"));
        db = HubDatabase.open(home.hubDb());
        SupervisorSeams seams = new SupervisorSeams(processes, processes, processes, port -> false,
                port -> Optional.empty(), processes, scheduler, clock,
                Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC), new CapturingOutput());
        supervisor = new Supervisor(SupervisorSettings.defaults(), seams, new ChildRecords(db.dataSource()), home);
    }

    @AfterEach
    void tearDown() {
        supervisor.shutdown();
        db.close();
    }

    @Test
    void theFirstRespawnIsImmediateThenTheDelayDoublesAndTheThirdCrashGivesUp() {
        assertTrue(supervisor.start(request).is(ModuleState.RUNNING));

        crash(0);
        assertEquals(Duration.ZERO, lastDelay(), "the first respawn is immediate");
        scheduler.advance(Duration.ZERO);
        awaitSpawns(2);

        crash(1);
        assertEquals(SupervisorSettings.BACKOFF_INITIAL, lastDelay());
        scheduler.advance(SupervisorSettings.BACKOFF_INITIAL.minusMillis(1));
        assertEquals(2, processes.spawnCount(), "respawned before its delay");
        scheduler.advance(Duration.ofMillis(1));
        awaitSpawns(3);

        processes.exit(2, 1);
        Poll.require(WAIT, "gave up", () -> state().is(ModuleState.CRASHED));
        assertEquals(3, state().restartsInWindow());
        assertEquals(0, scheduler.waiting(), "a respawn is still pending after giving up");
        scheduler.advance(Duration.ofMinutes(5));
        assertEquals(3, processes.spawnCount());
    }

    @Test
    void crashesOlderThanTheWindowNoLongerCount() {
        supervisor.start(request);
        crash(0);
        scheduler.advance(Duration.ZERO);
        awaitSpawns(2);
        crash(1);
        scheduler.advance(SupervisorSettings.BACKOFF_INITIAL);
        awaitSpawns(3);

        nanos.addAndGet(SupervisorSettings.CRASH_WINDOW.plusSeconds(1).toNanos());
        crash(2);

        assertEquals(1, state().restartsInWindow(), "the window did not slide on the monotonic clock");
        assertEquals(Duration.ZERO, lastDelay(), "a fresh streak starts immediate again");
    }

    @Test
    void aStopWhileRestartingCancelsThePendingRespawn() {
        supervisor.start(request);
        crash(0);
        scheduler.advance(Duration.ZERO);
        awaitSpawns(2);
        crash(1);

        assertTrue(supervisor.stop("vault").orElseThrow().is(ModuleState.STOPPED));
        scheduler.advance(Duration.ofMinutes(1));

        assertEquals(2, processes.spawnCount(), "the cancelled respawn fired");
        assertTrue(state().is(ModuleState.STOPPED));
    }

    @Test
    void aStartWhileRestartingSpawnsOnceAndTheOldRespawnNeverFires() {
        supervisor.start(request);
        crash(0);
        scheduler.advance(Duration.ZERO);
        awaitSpawns(2);
        crash(1);

        assertTrue(supervisor.start(request).is(ModuleState.RUNNING));
        assertEquals(3, processes.spawnCount());
        scheduler.advance(Duration.ofMinutes(1));

        assertEquals(3, processes.spawnCount(), "two live processes for one module");
        assertEquals(0, state().restartsInWindow(), "a start is a fresh budget");
    }

    @Test
    void aStopSendsTermOnceAndEndsStoppedWithTheExitCode() {
        long pid = supervisor.start(request).pid();

        ModuleSnapshot stopped = supervisor.stop("vault").orElseThrow();

        assertTrue(stopped.is(ModuleState.STOPPED), stopped.toString());
        assertEquals(143, stopped.lastExitCode());
        assertEquals(List.of(new RecordingSignals.Sent(pid, Signal.TERM)), processes.sent());
    }

    @Test
    void aRespawnTheOsRefusesEndsCrashedWithSpawnFailed() {
        supervisor.start(request);
        processes.failNextLaunch = new java.io.IOException("Resource temporarily unavailable");
        crash(0);

        scheduler.advance(Duration.ZERO);

        Poll.require(WAIT, "crashed after the failed respawn", () -> state().is(ModuleState.CRASHED));
        assertEquals("spawn_failed", state().startError().type());
        assertTrue(state().startError().description().contains("Resource temporarily unavailable"),
                state().startError().description());
        assertEquals(1, processes.spawnCount());
    }

    private void crash(int child) {
        processes.exit(child, 1);
        Poll.require(WAIT, "restarting after crash " + (child + 1), () -> state().is(ModuleState.RESTARTING));
    }

    private void awaitSpawns(int count) {
        Poll.require(WAIT, count + " spawns, running", () -> processes.spawnCount() == count
                && state().is(ModuleState.RUNNING));
    }

    private Duration lastDelay() {
        List<Duration> delays = scheduler.requested();
        return delays.get(delays.size() - 1);
    }

    private ModuleSnapshot state() {
        return supervisor.get("vault").orElseThrow();
    }
}

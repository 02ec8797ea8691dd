package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import computer.parachute.hub.core.testing.Poll;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crash policy (DESIGN §5 Crash) with real crashing processes and an injected monotonic clock. */
class SupervisorCrashTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir Path temp;
    private SupervisorFixture fx;

    @AfterEach
    void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void aCrashWithinBudgetRespawnsWithANewPid() throws Exception {
        fx = new SupervisorFixture(temp);
        SpawnRequest request = fx.module("vault");
        ModuleSnapshot first = fx.supervisor.start(request);
        crash(request.port().getAsInt());

        Poll.require(WAIT, "respawn", () -> fx.launcher.spawnCount() == 2 && running());
        Poll.require(WAIT, "respawned module listening", () -> fx.probe.isListening(request.port().getAsInt()));
        ModuleSnapshot after = fx.supervisor.get("vault").orElseThrow();
        assertNotEquals(first.pid(), after.pid());
        assertEquals(1, after.restartsInWindow());
        assertEquals(3, after.lastExitCode());
        assertNotNull(after.lastCrashAt());
        assertTrue(fx.output.contains("[supervisor] vault exited (code=3); restart 1/3 in window."));
    }

    @Test
    void threeCrashesInTheWindowGiveUp() throws Exception {
        fx = new SupervisorFixture(temp);
        fx.supervisor.start(fx.module("vault", "TM_CRASH_AT_START", "1"));

        Poll.require(WAIT, "give up", () -> fx.supervisor.get("vault").orElseThrow().is(ModuleState.CRASHED));
        ModuleSnapshot crashed = fx.supervisor.get("vault").orElseThrow();
        assertEquals(3, crashed.restartsInWindow());
        assertEquals(3, fx.launcher.spawnCount());
        assertTrue(fx.output.contains("[supervisor] vault crashed 3x within 60000ms — giving up."),
                fx.output.lines().toString());
        assertFalse(Poll.until(Duration.ofMillis(500), () -> fx.launcher.spawnCount() > 3));
        // the crash lines of every attempt stay replayable
        assertEquals(3, fx.supervisor.logs("vault").orElseThrow().stream()
                .filter(line -> line.equals("testmodule crashing at start")).count());
    }

    @Test
    void crashesOlderThanTheWindowDropOutOfTheBudget() throws Exception {
        fx = new SupervisorFixture(temp, SupervisorFixture.FAST.withCrashPolicy(2, Duration.ofSeconds(5),
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1))));
        SpawnRequest request = fx.module("vault");
        fx.supervisor.start(request);
        crash(request.port().getAsInt());
        Poll.require(WAIT, "first respawn", () -> fx.launcher.spawnCount() == 2 && listening(request));

        fx.clock.advance(Duration.ofSeconds(10));
        crash(request.port().getAsInt());
        Poll.require(WAIT, "second respawn", () -> fx.launcher.spawnCount() == 3 && listening(request));
        ModuleSnapshot after = fx.supervisor.get("vault").orElseThrow();
        assertTrue(after.is(ModuleState.RUNNING), after.toString());
        assertEquals(1, after.restartsInWindow());
    }

    @Test
    void anExitWithCodeZeroIsACrashToo() throws Exception {
        fx = new SupervisorFixture(temp);
        fx.supervisor.start(fx.module("vault", "TM_EXIT_AFTER_MS", "200", "TM_EXIT_CODE", "0"));
        Poll.require(WAIT, "respawn after exit 0", () -> fx.launcher.spawnCount() >= 2);
        Poll.require(WAIT, "exit code recorded", () -> Integer.valueOf(0)
                .equals(fx.supervisor.get("vault").orElseThrow().lastExitCode()));
        assertTrue(fx.output.contains("vault exited (code=0)"));
    }

    @Test
    void startWhileRestartingCancelsThePendingRespawn() throws Exception {
        fx = new SupervisorFixture(temp, SupervisorFixture.FAST.withCrashPolicy(3, Duration.ofSeconds(60),
                new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(30))));
        SpawnRequest request = fx.module("vault");
        fx.supervisor.start(request);
        crash(request.port().getAsInt());
        Poll.require(WAIT, "first respawn", () -> fx.launcher.spawnCount() == 2 && listening(request));
        crash(request.port().getAsInt()); // second crash: respawn pending for 30 s
        Poll.require(WAIT, "restarting", () -> fx.supervisor.get("vault").orElseThrow().is(ModuleState.RESTARTING));

        ModuleSnapshot started = fx.supervisor.start(request);
        assertTrue(started.is(ModuleState.RUNNING), started.toString());
        assertEquals(3, fx.launcher.spawnCount());
        assertEquals(1, fx.launcher.alive().size());
    }

    @Test
    void stopWhileRestartingCancelsThePendingRespawn() throws Exception {
        fx = new SupervisorFixture(temp, SupervisorFixture.FAST.withCrashPolicy(3, Duration.ofSeconds(60),
                new Backoff(Duration.ofMillis(300), Duration.ofSeconds(1))));
        SpawnRequest request = fx.module("vault");
        fx.supervisor.start(request);
        crash(request.port().getAsInt());
        Poll.require(WAIT, "first respawn", () -> fx.launcher.spawnCount() == 2 && listening(request));
        crash(request.port().getAsInt()); // respawn pending for 300 ms
        Poll.require(WAIT, "restarting", () -> fx.supervisor.get("vault").orElseThrow().is(ModuleState.RESTARTING));

        assertTrue(fx.supervisor.stop("vault").orElseThrow().is(ModuleState.STOPPED));
        assertFalse(Poll.until(Duration.ofMillis(800), () -> fx.launcher.spawnCount() > 2), "respawned after stop");
    }

    @Test
    void theRingBufferSurvivesARespawn() throws Exception {
        fx = new SupervisorFixture(temp);
        SpawnRequest request = fx.module("vault");
        ModuleSnapshot first = fx.supervisor.start(request);
        crash(request.port().getAsInt());
        Poll.require(WAIT, "respawn listening", () -> fx.launcher.spawnCount() == 2 && listening(request));
        long secondPid = fx.children().get(1).pid();
        Poll.require(WAIT, "second startup line", () -> fx.supervisor.logs("vault").orElseThrow().stream()
                .anyMatch(line -> line.startsWith("testmodule pid=" + secondPid)));
        List<String> lines = fx.supervisor.logs("vault").orElseThrow();
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("testmodule pid=" + first.pid())), lines.toString());
        assertTrue(lines.contains("[supervisor] vault exited (code=3); restart 1/3 in window."), lines.toString());
    }

    private boolean running() {
        return fx.supervisor.get("vault").orElseThrow().is(ModuleState.RUNNING);
    }

    private boolean listening(SpawnRequest request) {
        return running() && fx.probe.isListening(request.port().getAsInt());
    }

    /** GET /crash makes the test module exit 3 at once. */
    private static void crash(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/crash")
                    .toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            connection.getResponseCode();
        } catch (IOException expected) {
            // the module dies mid-request
        }
    }
}

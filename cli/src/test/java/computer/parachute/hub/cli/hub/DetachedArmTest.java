package computer.parachute.hub.cli.hub;

import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.net.ProcPortOwnerLookup;
import computer.parachute.hub.core.net.TcpPortProbe;
import computer.parachute.hub.core.process.JdkProcessTable;
import computer.parachute.hub.core.time.MonotonicClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The detached arm against real processes: a python stand-in hub (src/test/resources/fake-hub.py) spawned through
 * the real setsid launcher, real /health over loopback, real signals. Every process is stopped by pid afterwards.
 */
class DetachedArmTest {
    static final DetachedTimings FAST = new DetachedTimings(Duration.ofMillis(250), Duration.ofSeconds(10),
            Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(5));

    @TempDir
    Path root;
    HubHome home;
    Path script;
    int port;
    final Map<String, String> env = new HashMap<>();
    final Map<String, String> childEnv = new HashMap<>();
    final RecordingSignals signals = new RecordingSignals();
    final List<Long> pids = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        home = new HubHome(root.resolve("home"));
        script = root.resolve("fake-hub.py");
        try (InputStream in = DetachedArmTest.class.getResourceAsStream("/fake-hub.py")) {
            Files.copy(in, script);
        }
        port = freePort();
        env.put(HubPorts.PORT_ENV, Integer.toString(port));
    }

    @AfterEach
    void stopEverything() {
        new HubPidFile(home.hubPidFile()).read().ifPresent(e -> pids.add(e.pid()));
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    DetachedArm arm() {
        HubProcessLauncher launcher = (argv, extra, log) -> {
            Map<String, String> all = new HashMap<>(extra);
            all.putAll(childEnv);
            Process p = new SetsidLauncher().spawn(argv, all, log);
            pids.add(p.pid());
            return p;
        };
        DetachedSeams seams = new DetachedSeams(new HttpHubHealth(MonotonicClock.SYSTEM), new TcpPortProbe(),
                new ProcPortOwnerLookup(), new JdkProcessTable(), signals, launcher,
                () -> List.of("python3", script.toString()), MonotonicClock.SYSTEM);
        return new DetachedArm(home, env, seams, FAST);
    }

    @Test
    void startWritesPidfileWaitsForHealthAndStopTerminates() throws Exception {
        ArmResult started = arm().start();
        assertTrue(started.ok(), started.lines().toString());
        HubPidFile.Entry entry = new HubPidFile(home.hubPidFile()).read().orElseThrow();
        assertEquals(List.of("✓ hub started (pid " + entry.pid() + ") on port " + port + "; logs: " + home.hubLogFile()), started.lines());
        assertEquals(ProcessHandle.of(entry.pid()).orElseThrow().info().startInstant().orElseThrow().toEpochMilli() / 1000,
                entry.startTime().toEpochMilli() / 1000, "start time recorded beside the pid");
        assertTrue(Files.readString(home.hubLogFile()).contains("fake hub starting"), "output appended to hub.log");
        assertEquals(entry.pid(), arm().observe().pid());

        ArmResult again = arm().start();
        assertEquals(List.of("hub already running (pid " + entry.pid() + ") on port " + port + "."), again.lines());

        ArmResult stopped = arm().stop();
        assertEquals(List.of("✓ hub stopped."), stopped.lines());
        assertEquals(List.of("TERM " + entry.pid()), signals.sent);
        assertFalse(ProcessHandle.of(entry.pid()).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(home.hubPidFile()));
        assertEquals(List.of("hub wasn't running."), arm().stop().lines());
    }

    @Test
    void hubThatDiesWithinTheSettleWindowFailsWithTheLogTail() throws Exception {
        childEnv.put("FAKE_MODE", "exit");
        ArmResult result = arm().start();
        assertFalse(result.ok());
        assertTrue(result.lines().get(0).matches("✗ hub failed to start: the hub process \\(pid \\d+\\) exited (within 250ms|during startup) \\(exit code 3\\)\\."),
                result.lines().get(0));
        assertTrue(result.lines().contains("  │ boom: cannot start"), result.lines().toString());
        assertFalse(Files.exists(home.hubPidFile()));
    }

    @Test
    void portTakenByAForeignProcessNamesTheHolder() throws Exception {
        try (ServerSocket squatter = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            ArmResult result = arm().start();
            assertFalse(result.ok());
            String line = result.lines().get(0);
            assertTrue(line.startsWith("✗ hub: port " + port + " unavailable — pid " + ProcessHandle.current().pid() + " ("), line);
            assertTrue(line.contains("`kill " + ProcessHandle.current().pid() + "`"), line);
            assertTrue(pids.isEmpty(), "nothing spawned");
        }
    }

    @Test
    void stalePidfileIsCleanedWithoutSignallingTheReusedPid() throws Exception {
        // our own live pid, with a start time it never had: a reused pid
        new HubPidFile(home.hubPidFile()).write(ProcessHandle.current().pid(), Instant.parse("2001-01-01T00:00:00Z"));
        ArmResult result = arm().stop();
        assertEquals(List.of("hub wasn't running (cleaned stale pid file)."), result.lines());
        assertTrue(signals.sent.isEmpty());
        assertFalse(Files.exists(home.hubPidFile()));
    }

    @Test
    void orphanHubWithoutPidfileIsAdoptedAndStopped() throws Exception {
        Process orphan = startByHand(Map.of());
        ArmResult result = arm().stop();
        assertEquals(List.of("Detected orphan hub process holding port " + port + " (PID " + orphan.pid() + "); stopping it.",
                "✓ orphan hub process (PID " + orphan.pid() + ") stopped."), result.lines());
        assertTrue(orphan.waitFor(5, TimeUnit.SECONDS));
    }

    @Test
    void foreignServiceOnThePortIsNeverAdopted() throws Exception {
        Process other = startByHand(Map.of("FAKE_SERVICE", "somebody-else"));
        assertEquals(List.of("hub wasn't running."), arm().stop().lines());
        assertTrue(signals.sent.isEmpty());
        assertTrue(other.isAlive());
    }

    @Test
    void hubIgnoringTermGetsKilledAfterTheGrace() throws Exception {
        childEnv.put("FAKE_MODE", "ignore-term");
        assertTrue(arm().start().ok());
        long pid = new HubPidFile(home.hubPidFile()).read().orElseThrow().pid();
        ArmResult stopped = arm().stop();
        assertEquals(List.of("hub didn't exit after 2000ms; sending SIGKILL.", "✓ hub stopped."), stopped.lines());
        assertEquals(List.of("TERM " + pid, "KILL " + pid), signals.sent);
    }

    @Test
    void hubThatNeverAnswersTimesOutAndKeepsItsPidfile() throws Exception {
        childEnv.put("FAKE_MODE", "nobind");
        DetachedArm shortWait = new DetachedArm(home, env, arm().seams(), new DetachedTimings(Duration.ofMillis(100),
                Duration.ofMillis(800), Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(2)));
        ArmResult result = shortWait.start();
        assertFalse(result.ok());
        assertTrue(result.lines().get(0).contains("did not answer /health on 127.0.0.1:" + port), result.lines().get(0));
        assertTrue(Files.exists(home.hubPidFile()), "still running, so `stop hub` can find it");
        assertTrue(shortWait.stop().ok());
    }

    private Process startByHand(Map<String, String> extra) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true)
                .redirectOutput(root.resolve("orphan.log").toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().putAll(extra);
        Process p = builder.start();
        pids.add(p.pid());
        HttpHubHealth health = new HttpHubHealth(MonotonicClock.SYSTEM);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && health.probe(port).isEmpty()) {
            p.waitFor(50, TimeUnit.MILLISECONDS);
        }
        assertTrue(health.probe(port).isPresent(), "stand-in came up");
        return p;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

}

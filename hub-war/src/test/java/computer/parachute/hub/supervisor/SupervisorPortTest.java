package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.net.ProcPortOwnerLookup;
import computer.parachute.hub.core.process.ProcessSnapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.TestModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Port squatters, orphans of the same module and grandchildren (DESIGN §5; reference §2.5, §9.2 #580/#582). */
class SupervisorPortTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

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
    void aForeignListenerIsNamedAndLeftAlive() throws Exception {
        int port = FreePorts.find();
        Process squatter = listenOutsideTheSupervisor(TestModules.installDir(temp, "someone-else"), port);
        ModuleSnapshot started = fx.supervisor.start(fx.request("vault", fx.install("vault"), port));

        assertTrue(started.is(ModuleState.CRASHED), started.toString());
        assertEquals("port_squatter", started.startError().type());
        assertTrue(started.startError().description().startsWith("port " + port + " is held by pid "
                + squatter.pid() + " ("), started.startError().description());
        assertTrue(started.startError().description().endsWith(" outside the supervisor — kill it and retry: kill "
                + squatter.pid() + " && parachute start vault"), started.startError().description());
        assertEquals(0, fx.launcher.spawnCount());
        assertTrue(squatter.isAlive(), "a foreign process was touched");
        assertTrue(fx.signals.sent().isEmpty());
    }

    @Test
    void aSameBinaryListenerWithoutProofIsASquatterAndLeftAlive() throws Exception {
        // the module's own script in its own install dir, started by the test and not by the hub: the command line
        // matches the module's exactly, but nothing proves the hub started it (issue 9: such a process was killed)
        int port = FreePorts.find();
        Path installDir = fx.install("vault");
        Process lookalike = listenOutsideTheSupervisor(installDir, port);
        ModuleSnapshot started = fx.supervisor.start(fx.request("vault", installDir, port));

        assertTrue(started.is(ModuleState.CRASHED), started.toString());
        assertEquals("port_squatter", started.startError().type());
        assertTrue(started.startError().description().contains("pid " + lookalike.pid() + " ("),
                started.startError().description());
        assertTrue(lookalike.isAlive(), "a process the hub did not start was killed");
        assertTrue(fx.signals.sent().isEmpty() && fx.signals.groups().isEmpty(), fx.signals.sent().toString());
    }

    @Test
    void anOrphanProvenByItsRecordIsKilledAndTheStartProceeds() throws Exception {
        int port = FreePorts.find();
        Path installDir = fx.install("vault");
        Process orphan = listenOutsideTheSupervisor(installDir, port);
        ProcessSnapshot live = fx.processTable.find(orphan.pid()).orElseThrow();
        fx.records.insert(new ChildRecord("vault", orphan.pid(), live.startTime(), live.commandLine(),
                Instant.now(), null));
        ModuleSnapshot started = fx.supervisor.start(fx.request("vault", installDir, port));

        assertTrue(started.is(ModuleState.RUNNING), started.toString());
        assertFalse(orphan.isAlive());
        assertEquals(Signal.TERM, fx.signals.sentTo(orphan.pid()).get(0).signal());
        assertTrue(fx.probe.isListening(port));
    }

    @Test
    void aDaemonizedOrphanProvenByItsSpawnIdIsKilledAndTheStartProceeds() throws Exception {
        // a previous hub's child daemonized (fork, setsid, fork) and its leader is long gone: only the spawn id in
        // the daemon's environment proves it ours
        int port = FreePorts.find();
        Path installDir = fx.install("vault");
        String spawnId = SpawnIdentity.fresh();
        long daemon = daemonOutsideTheSupervisor(installDir, port, spawnId);
        fx.records.insert(new ChildRecord("vault", 999_999_999L, Instant.now(), "gone", Instant.now(), spawnId));
        ModuleSnapshot started = fx.supervisor.start(fx.request("vault", installDir, port));

        assertTrue(started.is(ModuleState.RUNNING), started.toString());
        assertEquals(Signal.TERM, fx.signals.sentTo(daemon).get(0).signal());
        assertFalse(running(daemon));
    }

    @Test
    void aGrandchildListenerIsReapedOnStopAndRestartRebindsTheSamePort() throws Exception {
        SpawnRequest request = fx.module("vault", "TM_GRANDCHILD", "1");
        int port = request.port().getAsInt();
        ModuleSnapshot first = fx.supervisor.start(request);
        assertTrue(first.is(ModuleState.RUNNING) && first.startError() == null, first.toString());
        long listener = new ProcPortOwnerLookup().ownerOf(port).orElseThrow().pid();
        fx.reaper.track(listener);
        assertNotEquals(first.pid(), listener, "the listener should be a grandchild");

        ModuleSnapshot restarted = fx.supervisor.restart("vault", request).orElseThrow();
        assertTrue(restarted.is(ModuleState.RUNNING) && restarted.startError() == null, restarted.toString());
        Poll.require(WAIT, "old grandchild " + listener + " gone", () -> !running(listener));
        long second = new ProcPortOwnerLookup().ownerOf(port).orElseThrow().pid();
        fx.reaper.track(second);

        fx.supervisor.stop("vault");
        Poll.require(WAIT, "port " + port + " free after stop", () -> !fx.probe.isListening(port));
        Poll.require(WAIT, "grandchild " + second + " gone", () -> !running(second));
    }

    @Test
    void aGrandchildThatIgnoresTermIsGoneWhenTheStopReturns() throws Exception {
        SpawnRequest request = fx.module("vault", "TM_GRANDCHILD", "1", "TM_IGNORE_TERM", "1");
        int port = request.port().getAsInt();
        ModuleSnapshot started = fx.supervisor.start(request);
        assertTrue(started.is(ModuleState.RUNNING) && started.startError() == null, started.toString());
        long listener = new ProcPortOwnerLookup().ownerOf(port).orElseThrow().pid();
        fx.reaper.track(listener);

        ModuleSnapshot stopped = fx.supervisor.stop("vault").orElseThrow();

        // the wrapper exits on SIGTERM at once; its listener ignores it and must not outlive the stop
        assertTrue(stopped.is(ModuleState.STOPPED), stopped.toString());
        Poll.require(Duration.ofSeconds(1), "grandchild " + listener + " gone right after the stop",
                () -> !running(listener));
        assertFalse(fx.probe.isListening(port), "the port is still held after the stop");
        assertEquals(List.of(new RecordingSignals.Sent(listener, Signal.TERM),
                new RecordingSignals.Sent(listener, Signal.KILL)), fx.signals.sentTo(listener),
                "TERM, the grace, then KILL for the whole family, the listener too");
    }

    @Test
    void aCrashWhileAForeignProcessHoldsThePortDoesNotSpendTheBudget() throws Exception {
        SpawnRequest request = fx.module("vault", "TM_NEVER_BIND", "1", "TM_EXIT_AFTER_MS", "1500",
                "TM_EXIT_CODE", "1");
        fx.close();
        fx = new SupervisorFixture(temp.resolve("short"), SupervisorFixture.FAST
                .withReadiness(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        ModuleSnapshot started = fx.supervisor.start(request);
        assertTrue(started.is(ModuleState.RUNNING), started.toString());
        Process squatter = listenOutsideTheSupervisor(TestModules.installDir(temp, "intruder"),
                request.port().getAsInt());

        Poll.require(WAIT, "crashed as squatted", () -> fx.supervisor.get("vault").orElseThrow()
                .is(ModuleState.CRASHED));
        ModuleSnapshot crashed = fx.supervisor.get("vault").orElseThrow();
        assertEquals("port_squatter", crashed.startError().type());
        assertEquals(0, crashed.restartsInWindow());
        assertEquals(1, crashed.lastExitCode());
        assertTrue(squatter.isAlive());
    }

    /** Alive and not a zombie (a reparented grandchild waits for init to reap it). */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** The test module as a daemon (double fork + setsid) with {@code spawnId} in its environment; its pid. */
    private long daemonOutsideTheSupervisor(Path installDir, int port, String spawnId) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(TestModules.command(installDir)).directory(installDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.PIPE).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PORT", String.valueOf(port), "TM_DAEMONIZE", "1",
                SpawnIdentity.VARIABLE, spawnId));
        Process parent = fx.reaper.track(builder.start());
        long daemon = TestModules.daemonPid(parent);
        fx.reaper.track(daemon);
        Poll.require(WAIT, "daemon listening on " + port, () -> fx.probe.isListening(port));
        return daemon;
    }

    /** The test module started by the test itself (as a previous hub or another tool would have), listening. */
    private Process listenOutsideTheSupervisor(Path installDir, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(TestModules.command(installDir)).directory(installDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        builder.environment().put("PORT", String.valueOf(port));
        Process process = fx.reaper.track(builder.start());
        Poll.require(WAIT, "outside listener on " + port, () -> fx.probe.isListening(port));
        return process;
    }
}

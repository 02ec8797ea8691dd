package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import computer.parachute.hub.core.process.ProcessSnapshot;
import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.ProcessReaper;
import computer.parachute.hub.core.testing.TestModules;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child records in hub.db and reaping what a dead previous hub left behind (DESIGN §5 Boot). */
class OrphanReaperTest {
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
    void aRecordedOrphanProvenByPidAndStartTimeIsReapedAndTheRecordsAreCleared() throws Exception {
        int port = FreePorts.find();
        Process orphan = previousHubChild(port);
        ProcessSnapshot live = fx.processTable.find(orphan.pid()).orElseThrow();
        fx.records.insert(new ChildRecord("vault", orphan.pid(), live.startTime(), live.commandLine(),
                Instant.now(), null));

        List<ChildRecord> reaped = fx.supervisor.reapOrphans();

        assertEquals(List.of(orphan.pid()), reaped.stream().map(ChildRecord::pid).toList());
        assertTrue(orphan.waitFor(5, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(new RecordingSignals.Sent(orphan.pid(), Signal.TERM), fx.signals.sent().get(0));
        Poll.require(WAIT, "port released", () -> !fx.probe.isListening(port));
        assertTrue(fx.records.all().isEmpty());
    }

    @Test
    void aDaemonizedOrphanWhoseLeaderIsGoneIsReapedByItsSpawnId() throws Exception {
        String spawnId = SpawnIdentity.fresh();
        int port = FreePorts.find();
        Process leader = previousHubChild(port, Map.of("TM_DAEMONIZE", "1", SpawnIdentity.VARIABLE, spawnId));
        long daemon = TestModules.daemonPid(leader);
        fx.reaper.track(daemon);
        Poll.require(WAIT, "daemon listening", () -> fx.probe.isListening(port));
        ProcessSnapshot leaderLive = fx.processTable.find(leader.pid()).orElseThrow();
        fx.records.insert(new ChildRecord("vault", leader.pid(), leaderLive.startTime(), "spawn argv",
                Instant.now(), spawnId));
        ProcessReaper.kill(leader.pid()); // the leader died with the hub; the daemon, in its own session, did not

        List<ChildRecord> reaped = fx.supervisor.reapOrphans();

        assertEquals(List.of(leader.pid()), reaped.stream().map(ChildRecord::pid).toList());
        assertEquals(new RecordingSignals.Sent(daemon, Signal.TERM), fx.signals.sentTo(daemon).get(0));
        Poll.require(WAIT, "daemon gone", () -> fx.tree.family(spawnId, 0).isEmpty());
        Poll.require(WAIT, "port released", () -> !fx.probe.isListening(port));
    }

    @Test
    void aLivePidWithAnotherStartTimeOrAnUnknownSpawnIdIsNotTouched() throws Exception {
        // same pid and the very command line, but another start time: a reused pid, not our child
        Process stranger = previousHubChild(FreePorts.find(), Map.of());
        ProcessSnapshot live = fx.processTable.find(stranger.pid()).orElseThrow();
        fx.records.insert(new ChildRecord("vault", stranger.pid(), live.startTime().minusSeconds(3600),
                live.commandLine(), Instant.now(), SpawnIdentity.fresh()));

        assertTrue(fx.supervisor.reapOrphans().isEmpty());
        assertTrue(stranger.isAlive());
        assertTrue(fx.signals.sent().isEmpty());
        assertTrue(fx.records.all().isEmpty(), "stale records are dropped");
    }

    @Test
    void aRowOnTheHubsOwnPidIsNeverSignalled() {
        ProcessHandle self = ProcessHandle.current();
        fx.records.insert(new ChildRecord("vault", self.pid(), self.info().startInstant().orElseThrow(),
                "the hub itself", Instant.now(), null));

        assertTrue(fx.supervisor.reapOrphans().isEmpty());
        assertTrue(fx.signals.sent().isEmpty() && fx.signals.groups().isEmpty(), fx.signals.sent().toString());
        assertTrue(fx.records.all().isEmpty());
    }

    @Test
    void aSpawnIsRecordedAndItsExitDeletesTheRecord() throws Exception {
        ModuleSnapshot started = fx.supervisor.start(fx.module("vault"));
        List<ChildRecord> records = fx.records.all();
        assertEquals(1, records.size());
        ChildRecord record = records.get(0);
        assertEquals("vault", record.shortName());
        assertEquals(started.pid(), record.pid());
        assertTrue(record.startTime() != null && record.commandLine().contains(TestModules.SCRIPT_NAME));
        assertTrue(fx.supervisor.reapOrphans().isEmpty(), "our own live child is not an orphan");

        fx.supervisor.stop("vault");
        Poll.require(WAIT, "record deleted", () -> fx.records.all().isEmpty());
    }

    /** A module process in its own session, started by the test as a dead hub would have left it: listening. */
    private Process previousHubChild(int port) throws Exception {
        return previousHubChild(port, Map.of());
    }

    private Process previousHubChild(int port, Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("setsid"));
        cmd.addAll(TestModules.command(TestModules.installDir(temp, "previous")));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(env.containsKey("TM_DAEMONIZE") ? ProcessBuilder.Redirect.PIPE
                        : ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().putAll(env);
        Process process = fx.reaper.track(builder.start());
        if (!env.containsKey("TM_DAEMONIZE")) {
            Poll.require(WAIT, "orphan listening", () -> fx.probe.isListening(port));
        }
        return process;
    }
}

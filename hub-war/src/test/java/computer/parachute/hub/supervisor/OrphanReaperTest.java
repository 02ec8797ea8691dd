package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import computer.parachute.hub.core.process.ProcessSnapshot;
import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.TestModules;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    void aRecordedOrphanIsReapedWithItsGroupAndTheRecordsAreCleared() throws Exception {
        int port = FreePorts.find();
        Process orphan = previousHubChild(port);
        ProcessSnapshot live = fx.processTable.find(orphan.pid()).orElseThrow();
        fx.records.insert(new ChildRecord("vault", orphan.pid(), live.startTime(), live.commandLine(),
                Instant.now()));

        List<ChildRecord> reaped = fx.supervisor.reapOrphans();

        assertEquals(List.of(orphan.pid()), reaped.stream().map(ChildRecord::pid).toList());
        assertTrue(orphan.waitFor(5, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(new RecordingSignals.Sent(orphan.pid(), Signal.TERM), fx.signals.sent().get(0));
        Poll.require(WAIT, "port released", () -> !fx.probe.isListening(port));
        assertTrue(fx.records.all().isEmpty());
    }

    @Test
    void anOrphanRecordedWithItsSpawnArgvIsReapedToo() throws Exception {
        // a hub killed within a second of a spawn left the spawn argv (python3, not the python3.x the JDK reports)
        Path installDir = TestModules.installDir(temp, "previous");
        Process orphan = previousHubChild(FreePorts.find());
        ProcessSnapshot live = fx.processTable.find(orphan.pid()).orElseThrow();
        fx.records.insert(new ChildRecord("vault", orphan.pid(), live.startTime(),
                String.join(" ", TestModules.command(installDir)), Instant.now()));

        assertEquals(List.of(orphan.pid()), fx.supervisor.reapOrphans().stream().map(ChildRecord::pid).toList());
        assertTrue(orphan.waitFor(5, java.util.concurrent.TimeUnit.SECONDS));
    }

    @Test
    void theProgramMatchesByItsArgumentsWhenArgvZeroOrAWrapperDiffers() {
        String script = "/m/vault/testmodule.py";
        assertTrue(OrphanReaper.sameProgram("/usr/bin/python3 " + script, "/usr/bin/python3.11 " + script));
        assertTrue(OrphanReaper.sameProgram("/usr/bin/python3 " + script,
                "/usr/bin/dash -c \"$0\" \"$1\" --serve & wait /usr/bin/python3 " + script));
        assertTrue(OrphanReaper.sameProgram("/opt/vault/bin/vault", "/opt/vault/bin/vault --serve"));
        assertFalse(OrphanReaper.sameProgram("/usr/bin/python3 " + script, "/usr/bin/python3.11 /m/notes/testmodule.py"));
        assertFalse(OrphanReaper.sameProgram("/usr/bin/python3 " + script, "/usr/bin/python3 " + script + ".bak"));
    }

    @Test
    void aLivePidWithAnotherStartTimeOrCommandLineIsNotTouched() throws Exception {
        Process stranger = previousHubChild(FreePorts.find());
        ProcessSnapshot live = fx.processTable.find(stranger.pid()).orElseThrow();
        fx.records.insert(new ChildRecord("vault", stranger.pid(), live.startTime().minusSeconds(3600),
                live.commandLine(), Instant.now()));
        fx.records.insert(new ChildRecord("notes", stranger.pid(), live.startTime(), "something else",
                Instant.now()));

        assertTrue(fx.supervisor.reapOrphans().isEmpty());
        assertTrue(stranger.isAlive());
        assertTrue(fx.signals.sent().isEmpty());
        assertTrue(fx.records.all().isEmpty(), "stale records are dropped");
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
        List<String> cmd = new ArrayList<>(List.of("setsid"));
        cmd.addAll(TestModules.command(TestModules.installDir(temp, "previous")));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true);
        builder.environment().put("PORT", String.valueOf(port));
        Process process = fx.reaper.track(builder.start());
        Poll.require(WAIT, "orphan listening", () -> fx.probe.isListening(port));
        return process;
    }
}

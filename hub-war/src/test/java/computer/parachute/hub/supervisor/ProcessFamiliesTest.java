package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import computer.parachute.hub.core.process.JdkProcessTable;
import computer.parachute.hub.core.process.ProcessSnapshot;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.ProcessReaper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one signalling funnel: the hub itself is never a target, whatever a record or a family says. */
class ProcessFamiliesTest {
    private final RecordingSignals signals = new RecordingSignals();
    private final ExecutorScheduler scheduler = new ExecutorScheduler();
    private final ProcProcessTree tree = new ProcProcessTree(new JdkProcessTable());
    private final ProcessFamilies families = new ProcessFamilies(tree, signals, scheduler);
    private final ProcessSnapshot hub = new JdkProcessTable().find(ProcessHandle.current().pid()).orElseThrow();

    private final ProcessReaper reaper = new ProcessReaper();

    @AfterEach
    void close() {
        scheduler.close();
        reaper.close();
    }

    @Test
    void aSignalToTheHubsOwnPidIsRefusedBeforeItReachesTheSeam() {
        assertFalse(families.send(hub, Signal.KILL, "test"));
        assertTrue(signals.sent().isEmpty());
    }

    @Test
    void withoutAProcessListingTheLeadersGroupIsSignalledAndAGrandchildInItEndsToo() throws Exception {
        ProcessTree noListing = new FaultyTree(tree) {
            @Override public boolean canEnumerate() { return false; }
        };
        ProcessFamilies fallback = new ProcessFamilies(noListing, signals, scheduler);
        ChildProcess leader = new SetsidProcessLauncher().launch(new SpawnRequest("vault",
                List.of("sh", "-c", "sleep 30 & echo $!; wait"), null, java.util.Map.of()));
        reaper.track(leader.pid());
        long grandchild = reaper.track(Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(
                leader.stdout(), java.nio.charset.StandardCharsets.UTF_8)).readLine().trim()));

        fallback.terminate(List.of(new ProcessFamilies.Family("vault",
                new ProcessSnapshot(leader.pid(), leader.startTime(), ""), null)), Duration.ofSeconds(5), "test");

        assertEquals(List.of(new RecordingSignals.Sent(leader.pid(), Signal.TERM)), signals.groups());
        assertEquals(143, leader.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS), "the leader died of SIGTERM");
        Poll.require(Duration.ofSeconds(10), "grandchild gone", () -> !tree.running(
                new JdkProcessTable().find(grandchild).orElse(new ProcessSnapshot(grandchild, null, ""))));
    }

    @Test
    void aFamilyLedByTheHubHasNoMembersAndEndingItSignalsNothing() {
        ProcessFamilies.Family led = new ProcessFamilies.Family("vault", hub, SpawnIdentity.fresh());

        assertEquals(List.of(), families.members(led));
        assertEquals(List.of(), families.terminate(List.of(led), Duration.ofMillis(100), "test"));
        assertTrue(signals.sent().isEmpty() && signals.groups().isEmpty());
        assertTrue(families.isHub(hub.pid()));
    }
}

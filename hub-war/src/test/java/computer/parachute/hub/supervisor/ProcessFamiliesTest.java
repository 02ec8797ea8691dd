package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import computer.parachute.hub.core.process.JdkProcessTable;
import computer.parachute.hub.core.process.ProcessSnapshot;
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

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    void aSignalToTheHubsOwnPidIsRefusedBeforeItReachesTheSeam() {
        assertFalse(families.send(hub, Signal.KILL, "test"));
        assertTrue(signals.sent().isEmpty());
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

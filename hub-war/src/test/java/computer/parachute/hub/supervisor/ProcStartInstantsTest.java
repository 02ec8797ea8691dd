package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import computer.parachute.hub.core.process.JdkProcessTable;
import computer.parachute.hub.core.testing.ProcessReaper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick start-time reading against the JDK's own, on real processes. */
class ProcStartInstantsTest {
    @TempDir Path temp;
    private final ProcessReaper reaper = new ProcessReaper();
    private final ProcProcessTree tree = new ProcProcessTree(new JdkProcessTable());

    @AfterEach
    void reap() {
        reaper.close();
    }

    @Test
    void aLiveProcessStartedWhenTheJdkSaysItDid() throws Exception {
        ProcStartInstants instants = new ProcStartInstants(tree);
        for (int i = 0; i < 3; i++) {
            Process child = reaper.track(new ProcessBuilder("sleep", "30").start());
            Instant jdk = child.toHandle().info().startInstant().orElseThrow();
            assertEquals(jdk.toEpochMilli(), instants.of(child.pid()).orElseThrow().toEpochMilli(), "pid " + child.pid());
        }
        Instant self = ProcessHandle.current().info().startInstant().orElseThrow();
        assertEquals(self, instants.of(ProcessHandle.current().pid()).orElseThrow());
    }

    @Test
    void aGoneProcessHasNone() throws Exception {
        Process child = reaper.track(new ProcessBuilder("true").start());
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        assertTrue(new ProcStartInstants(tree).of(child.pid()).isEmpty());
    }

    @Test
    void withoutABootTimeThereIsNoneAndTheCallerTakesTheJdksPath() throws Exception {
        Path procStat = Files.writeString(temp.resolve("stat"), "cpu  1 2 3\nintr 0\n");
        assertTrue(new ProcStartInstants(tree, procStat).of(ProcessHandle.current().pid()).isEmpty());
        assertTrue(new ProcStartInstants(tree, temp.resolve("missing")).of(ProcessHandle.current().pid()).isEmpty());
    }
}

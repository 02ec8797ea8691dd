package computer.parachute.hub.launcher;

import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.ProcessReaper;
import computer.parachute.hub.core.testing.TestModules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launched hub answers first and boots its modules after: the module process starts after the launcher wrote
 * {@code hub/run/hub.port}, which it does once Jetty (and Jersey) started and before its own /health probe. Booted
 * with the lifecycle, as before, the module started 100-300 ms before that file existed.
 */
class BootOrderIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A process's start time is kept in 10 ms ticks since boot: allow one tick, and rounding, either way. */
    private static final Duration CLOCK_SLACK = Duration.ofMillis(20);

    @TempDir
    Path temp;
    private final ProcessReaper reaper = new ProcessReaper();

    @AfterEach
    void reap() {
        reaper.close();
    }

    @Test
    void theModuleBootsOnceTheHubAnswers() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        OneModuleHome.install(home, temp.resolve("modules"), "vault", FreePorts.find());
        int hubPort = FreePorts.find();
        try (HubProcess hub = HubProcess.start(home, Integer.toString(hubPort), hubPort, Map.of())) {
            reaper.track(hub.process);
            hub.awaitHealthy();
            Optional<ProcessHandle> module = Optional.empty();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (module.isEmpty() && System.nanoTime() < deadline) {
                module = hub.process.toHandle().descendants()
                        .filter(p -> p.info().commandLine().orElse("").contains(TestModules.SCRIPT_NAME)).findFirst();
                Thread.sleep(10);
            }
            assertTrue(module.isPresent(), "no module process under the hub: " + hub.output());
            Instant moduleStarted = startedAt(module.get().pid());
            Instant serving = Files.getLastModifiedTime(home.resolve("hub/run/hub.port")).toInstant();
            assertTrue(!moduleStarted.isBefore(serving.minus(CLOCK_SLACK)),
                    "the module started at " + moduleStarted + ", before the hub served (" + serving + ")");
            hub.process.destroy();
            assertEquals(0, hub.awaitExit(), hub.output());
        }
    }

    /**
     * When {@code pid} started, on the wall clock: its start tick since boot, against /proc/uptime read beside the
     * wall clock now. (ProcessHandle.Info adds the ticks to /proc/stat's boot time, which is kept in whole seconds:
     * up to a second off the wall clock a file's modification time is on.)
     */
    private static Instant startedAt(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        long ticks = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]);
        Instant now = Instant.now();
        double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
        long sinceStartMillis = Math.round(uptimeSeconds * 1000) - ticks * 10;
        return now.minusMillis(sinceStartMillis);
    }
}

package computer.parachute.hub.core.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kills, by recorded pid, every process a test started (its process group first, then the pid), so a failing
 * test leaves nothing behind. Use one per test and close it in {@code @AfterEach}.
 */
public final class ProcessReaper implements AutoCloseable {
    private static final long KILL_WAIT_SECONDS = 5;

    private final List<Long> pids = new ArrayList<>();

    public synchronized long track(long pid) {
        pids.add(pid);
        return pid;
    }

    public Process track(Process process) {
        track(process.pid());
        return process;
    }

    public synchronized List<Long> tracked() {
        return List.copyOf(pids);
    }

    @Override
    public void close() {
        List<Long> toKill;
        synchronized (this) {
            toKill = List.copyOf(pids);
            pids.clear();
        }
        for (long pid : toKill) {
            kill(pid);
        }
    }

    /** SIGKILL to the group led by {@code pid} (if any), then to the pid itself; waits until it is gone. */
    public static void kill(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", "KILL", "--", "-" + pid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill binary: fall through to the pid itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessHandle.of(pid).ifPresent(handle -> {
            handle.destroyForcibly();
            handle.onExit().completeOnTimeout(handle, KILL_WAIT_SECONDS, TimeUnit.SECONDS).join();
        });
    }
}

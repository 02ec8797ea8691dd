package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.testing.ProcessReaper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The production launcher, recording every request and child (and handing each pid to the test's reaper). */
final class RecordingLauncher implements ProcessLauncher {
    private static final long HOLD_SECONDS = 20;
    private final ProcessLauncher delegate = new SetsidProcessLauncher();
    private final ProcessReaper reaper;
    private final List<SpawnRequest> requests = new ArrayList<>();
    private final List<ChildProcess> children = new ArrayList<>();

    RecordingLauncher(ProcessReaper reaper) {
        this.reaper = reaper;
    }

    /** When set, each launch first waits (bounded) for it: lets a test act while a start holds the module's lock. */
    volatile CountDownLatch hold;
    /** Counted down by each launch as it begins (before {@link #hold}). */
    volatile CountDownLatch launching = new CountDownLatch(1);

    @Override
    public ChildProcess launch(SpawnRequest request) throws IOException {
        launching.countDown();
        CountDownLatch gate = hold;
        if (gate != null) {
            try {
                gate.await(HOLD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ChildProcess child = delegate.launch(request);
        reaper.track(child.pid());
        synchronized (this) {
            requests.add(request);
            children.add(child);
        }
        return child;
    }

    synchronized List<SpawnRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized List<ChildProcess> children() {
        return List.copyOf(children);
    }

    synchronized int spawnCount() {
        return children.size();
    }

    synchronized List<ChildProcess> alive() {
        return children.stream().filter(RecordingLauncher::notReaped).toList();
    }

    /**
     * True until the JDK has reaped the child: its {@code onExit()} future completes a thread hand-off later, and a
     * restart that saw the exit itself may spawn the next child before then.
     */
    static boolean notReaped(ChildProcess child) {
        try {
            return child.awaitExit(Duration.ZERO).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}

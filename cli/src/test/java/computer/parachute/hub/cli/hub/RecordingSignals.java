package computer.parachute.hub.cli.hub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Real signals through {@link HandleSignals}, recorded so a test can prove a pid was (or was never) signalled. */
final class RecordingSignals implements ProcessSignals {
    private final HandleSignals real = new HandleSignals();
    final List<String> sent = new ArrayList<>();

    @Override
    public boolean terminate(long pid) {
        sent.add("TERM " + pid);
        return real.terminate(pid);
    }

    @Override
    public boolean kill(long pid) {
        sent.add("KILL " + pid);
        return real.kill(pid);
    }

    @Override
    public boolean awaitExit(long pid, Duration timeout) throws InterruptedException {
        return real.awaitExit(pid, timeout);
    }
}

package computer.parachute.hub.supervisor;

import java.util.ArrayList;
import java.util.List;

/**
 * The production signals, recording each (pgid, signal) sent to a module's leader-and-group; the group-only
 * SIGKILL a stop sends to what is left of a group after its leader exited is recorded apart ({@link #groupOnly()}).
 */
final class RecordingSignals implements ProcessSignals {
    record Sent(long pgid, Signal signal) { }

    private final ProcessSignals delegate = new KillCommandSignals();
    private final List<Sent> sent = new ArrayList<>();
    private final List<Sent> groupOnly = new ArrayList<>();

    @Override
    public boolean signalGroup(long pgid, Signal signal) {
        synchronized (this) {
            sent.add(new Sent(pgid, signal));
        }
        return delegate.signalGroup(pgid, signal);
    }

    @Override
    public boolean signalGroupOnly(long pgid, Signal signal) {
        synchronized (this) {
            groupOnly.add(new Sent(pgid, signal));
        }
        return delegate.signalGroupOnly(pgid, signal);
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    synchronized List<Sent> groupOnly() {
        return List.copyOf(groupOnly);
    }

    synchronized List<Sent> sentTo(long pgid) {
        return sent.stream().filter(s -> s.pgid() == pgid).toList();
    }
}

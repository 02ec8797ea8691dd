package computer.parachute.hub.supervisor;

import java.util.ArrayList;
import java.util.List;

/** The production signals, recording each (pgid, signal). */
final class RecordingSignals implements ProcessSignals {
    record Sent(long pgid, Signal signal) { }

    private final ProcessSignals delegate = new KillCommandSignals();
    private final List<Sent> sent = new ArrayList<>();

    @Override
    public boolean signalGroup(long pgid, Signal signal) {
        synchronized (this) {
            sent.add(new Sent(pgid, signal));
        }
        return delegate.signalGroup(pgid, signal);
    }

    /** Recorded only when it reached someone: after a clean exit the stopper's straggler sweep finds an empty group. */
    @Override
    public boolean signalGroupOnly(long pgid, Signal signal) {
        boolean delivered = delegate.signalGroupOnly(pgid, signal);
        if (delivered) {
            synchronized (this) {
                sent.add(new Sent(pgid, signal));
            }
        }
        return delivered;
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    synchronized List<Sent> sentTo(long pgid) {
        return sent.stream().filter(s -> s.pgid() == pgid).toList();
    }
}

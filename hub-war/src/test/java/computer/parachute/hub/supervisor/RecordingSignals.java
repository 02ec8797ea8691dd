package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import java.util.ArrayList;
import java.util.List;

/** The production signals, recording each (pid, signal) the supervisor sends, and any group signal apart. */
final class RecordingSignals implements ProcessSignals {
    record Sent(long pid, Signal signal) { }

    private final ProcessSignals delegate = new HandleSignals();
    private final List<Sent> sent = new ArrayList<>();
    private final List<Sent> groups = new ArrayList<>();

    @Override
    public boolean signal(ProcessSnapshot target, Signal signal) {
        synchronized (this) {
            sent.add(new Sent(target.pid(), signal));
        }
        return delegate.signal(target, signal);
    }

    @Override
    public boolean signalGroup(long pgid, Signal signal) {
        synchronized (this) {
            groups.add(new Sent(pgid, signal));
        }
        return delegate.signalGroup(pgid, signal);
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    synchronized List<Sent> groups() {
        return List.copyOf(groups);
    }

    synchronized List<Sent> sentTo(long pid) {
        return sent.stream().filter(s -> s.pid() == pid).toList();
    }
}

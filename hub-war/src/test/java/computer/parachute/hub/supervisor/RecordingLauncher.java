package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.testing.ProcessReaper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The production launcher, recording every request and child (and handing each pid to the test's reaper). */
final class RecordingLauncher implements ProcessLauncher {
    private final ProcessLauncher delegate = new SetsidProcessLauncher();
    private final ProcessReaper reaper;
    private final List<SpawnRequest> requests = new ArrayList<>();
    private final List<ChildProcess> children = new ArrayList<>();

    RecordingLauncher(ProcessReaper reaper) {
        this.reaper = reaper;
    }

    @Override
    public ChildProcess launch(SpawnRequest request) throws IOException {
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
        return children.stream().filter(child -> !child.onExit().isDone()).toList();
    }
}

package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * The production /proc tree, with an injectable failure for {@link #members} (an unexpected error mid-handling), and
 * the number of lineages each scan was asked about.
 */
class FaultyTree implements ProcessTree {
    private final ProcessTree delegate;
    volatile RuntimeException familyFailure;
    final List<Integer> scans = new java.util.concurrent.CopyOnWriteArrayList<>();

    FaultyTree(ProcessTree delegate) {
        this.delegate = delegate;
    }

    @Override public boolean canEnumerate() { return delegate.canEnumerate(); }

    @Override
    public List<List<ProcessSnapshot>> members(List<Lineage> lineages) {
        scans.add(lineages.size());
        RuntimeException failure = familyFailure;
        if (failure != null) {
            throw failure;
        }
        return delegate.members(lineages);
    }

    @Override public long birthOf(long pid) { return delegate.birthOf(pid); }

    @Override public Optional<String> spawnIdOf(long pid) { return delegate.spawnIdOf(pid); }
    @Override public boolean running(ProcessSnapshot process) { return delegate.running(process); }
    @Override public long groupOf(long pid) { return delegate.groupOf(pid); }
}

package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import java.time.Instant;
import java.util.Optional;

/**
 * Production {@link ProcessSignals}: no fork per signal. {@link ProcessHandle#of} captures the live process's start
 * time and {@code destroy()}/{@code destroyForcibly()} (SIGTERM/SIGKILL) re-check it in the kernel call, so once the
 * start time matched ours a reused pid cannot be hit. Group signals (only without /proc) fork {@code /bin/kill}.
 *
 * <p>The match is checked after the handle is taken: a process alive at the check and born before it (the target's
 * start time is in the past) was alive when the handle was taken too, so the handle is the target's. The check reads
 * only {@code /proc/<pid>/stat} ({@link ProcStartInstants}); when that cannot confirm the match it falls back to
 * {@link ProcessHandle.Info}, so a platform where the quick reading differs is only slower, never wrong.
 */
public final class HandleSignals implements ProcessSignals {
    private final KillCommandSignals killCommand = new KillCommandSignals();
    private final ProcStartInstants startInstants;

    /** Checks every start time through {@link ProcessHandle.Info} only. */
    public HandleSignals() {
        this.startInstants = null;
    }

    /** Checks start times through {@code tree}'s {@code /proc} reading first. */
    public HandleSignals(ProcessTree tree) {
        this(new ProcStartInstants(tree));
    }

    HandleSignals(ProcStartInstants startInstants) {
        this.startInstants = startInstants;
    }

    @Override
    public boolean signal(ProcessSnapshot target, Signal signal) {
        Optional<ProcessHandle> handle = ProcessHandle.of(target.pid());
        if (handle.isEmpty() || !sameIncarnation(target, handle.get())) {
            return false;
        }
        return signal == Signal.TERM ? handle.get().destroy() : handle.get().destroyForcibly();
    }

    private boolean sameIncarnation(ProcessSnapshot target, ProcessHandle live) {
        if (startInstants != null && startInstants.of(live.pid())
                .filter(started -> target.sameIncarnation(snapshot(live, started))).isPresent()) {
            return true;
        }
        return target.sameIncarnation(snapshot(live, live.info().startInstant().orElse(null)));
    }

    private static ProcessSnapshot snapshot(ProcessHandle live, Instant started) {
        return new ProcessSnapshot(live.pid(), started, "");
    }

    @Override
    public boolean signalGroup(long pgid, Signal signal) {
        return killCommand.signalGroup(pgid, signal);
    }
}

package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import java.util.Optional;

/**
 * Production {@link ProcessSignals}: no fork per signal. {@link ProcessHandle#of} captures the live process's start
 * time and {@code destroy()}/{@code destroyForcibly()} (SIGTERM/SIGKILL) re-check it in the kernel call, so once the
 * start time matched ours a reused pid cannot be hit. Group signals (only without /proc) fork {@code /bin/kill}.
 */
public final class HandleSignals implements ProcessSignals {
    private final KillCommandSignals killCommand = new KillCommandSignals();

    @Override
    public boolean signal(ProcessSnapshot target, Signal signal) {
        Optional<ProcessHandle> handle = ProcessHandle.of(target.pid()).filter(live -> target.sameIncarnation(
                new ProcessSnapshot(live.pid(), live.info().startInstant().orElse(null), "")));
        if (handle.isEmpty()) {
            return false;
        }
        return signal == Signal.TERM ? handle.get().destroy() : handle.get().destroyForcibly();
    }

    @Override
    public boolean signalGroup(long pgid, Signal signal) {
        return killCommand.signalGroup(pgid, signal);
    }
}

package computer.parachute.hub.core.process;

import java.time.Instant;
import java.util.Optional;

/** {@link ProcessTable} over {@link ProcessHandle}: start time and command line come from /proc on Linux. */
public final class JdkProcessTable implements ProcessTable {
    @Override
    public Optional<ProcessSnapshot> find(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(JdkProcessTable::snapshot);
    }

    static ProcessSnapshot snapshot(ProcessHandle handle) {
        ProcessHandle.Info info = handle.info();
        Instant started = info.startInstant().orElse(null);
        String commandLine = info.commandLine().orElseGet(() -> info.command().orElse(""));
        return new ProcessSnapshot(handle.pid(), started, commandLine);
    }
}

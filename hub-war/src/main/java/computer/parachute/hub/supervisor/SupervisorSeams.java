package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.net.PortOwnerLookup;
import computer.parachute.hub.core.net.PortProbe;
import computer.parachute.hub.core.process.ProcessTable;
import computer.parachute.hub.core.time.MonotonicClock;
import java.time.Clock;
import java.util.Objects;

/**
 * The supervisor's windows on the outside world, each a small interface with one production class (STYLE rule 3):
 * {@link SetsidProcessLauncher}, {@link HandleSignals}, {@link ProcProcessTree}, core's {@code TcpPortProbe}, core's port-owner lookup,
 * core's {@code JdkProcessTable}, {@link ExecutorScheduler}, {@code MonotonicClock.SYSTEM}, {@code Clock.systemUTC()}
 * (wall time, for displayed and persisted stamps only) and {@link StdoutHubOutput}.
 */
public record SupervisorSeams(ProcessLauncher launcher, ProcessSignals signals, ProcessTree tree, PortProbe probe,
                              PortOwnerLookup owners, ProcessTable processTable, Scheduler scheduler,
                              MonotonicClock clock, Clock wallClock, HubOutput output) {
    public SupervisorSeams {
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(owners, "owners");
        Objects.requireNonNull(processTable, "processTable");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(output, "output");
    }
}

package computer.parachute.hub.cli.hub;

import computer.parachute.hub.cli.CliFailure;
import computer.parachute.hub.core.net.PortOwnerLookup;
import computer.parachute.hub.core.net.PortProbe;
import computer.parachute.hub.core.process.ProcessTable;
import computer.parachute.hub.core.time.MonotonicClock;

import java.util.List;

/** The outside world the detached arm touches, one seam each, so tests can swap any of them. */
public record DetachedSeams(HubHealth health, PortProbe portProbe, PortOwnerLookup owners, ProcessTable processes,
                            ProcessSignals signals, HubProcessLauncher launcher, HubArgv argv, MonotonicClock clock) {

    /** The hub's argv, resolved only when a hub is actually spawned (finding launcher.jar may fail). */
    @FunctionalInterface
    public interface HubArgv {
        List<String> get() throws CliFailure;
    }
}

package computer.parachute.hub.cli.doctor;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.CliFailure;
import computer.parachute.hub.cli.Console;
import computer.parachute.hub.cli.auth.OperatorTokenAdmin;
import computer.parachute.hub.cli.client.ModuleOpsClient;
import computer.parachute.hub.cli.dashboard.BrowserOpener;
import computer.parachute.hub.cli.hub.HubArm;
import computer.parachute.hub.cli.hub.HubHealth;
import computer.parachute.hub.cli.hub.HubUnitInstaller;
import computer.parachute.hub.cli.hub.HubUnitManager;
import computer.parachute.hub.cli.serve.ForegroundRunner;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.net.PortProbe;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The same environment with every console line on stderr: a fix's own output must not break {@code --json}. */
final class StderrEnvironment implements CliEnvironment {
    private final CliEnvironment delegate;
    private final Console console;

    StderrEnvironment(CliEnvironment delegate, Console stderr) {
        this.delegate = delegate;
        this.console = stderr;
    }

    @Override public Console console() { return console; }
    @Override public HubHome home() { return delegate.home(); }
    @Override public Map<String, String> env() { return delegate.env(); }
    @Override public Clock clock() { return delegate.clock(); }
    @Override public HubHealth health() { return delegate.health(); }
    @Override public PortProbe portProbe() { return delegate.portProbe(); }
    @Override public HubUnitManager unitManager() { return delegate.unitManager(); }
    @Override public HubUnitInstaller unitInstaller() { return delegate.unitInstaller(); }
    @Override public HubArm detachedArm(Optional<Path> launcher) { return delegate.detachedArm(launcher); }
    @Override public ModuleOpsClient moduleOps(int port) { return delegate.moduleOps(port); }
    @Override public Path launcherJar(Optional<Path> launcher) throws CliFailure { return delegate.launcherJar(launcher); }
    @Override public ForegroundRunner foreground() { return delegate.foreground(); }
    @Override public BrowserOpener browser() { return delegate.browser(); }
    @Override public OperatorTokenAdmin tokenAdmin() throws CliFailure { return delegate.tokenAdmin(); }
}

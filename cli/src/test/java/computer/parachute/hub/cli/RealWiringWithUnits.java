package computer.parachute.hub.cli;

import computer.parachute.hub.cli.auth.OperatorTokenAdmin;
import computer.parachute.hub.cli.client.ModuleOpsClient;
import computer.parachute.hub.core.unit.PollTimer;
import computer.parachute.hub.cli.hub.HttpHubHealth;
import computer.parachute.hub.cli.hub.HubArm;
import computer.parachute.hub.cli.hub.HubHealth;
import computer.parachute.hub.cli.hub.HubUnitInstaller;
import computer.parachute.hub.cli.hub.HubUnitManager;
import computer.parachute.hub.cli.hub.ServiceManagerUnits;
import computer.parachute.hub.cli.serve.ForegroundRunner;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.net.PortProbe;
import computer.parachute.hub.core.time.MonotonicClock;
import computer.parachute.hub.core.unit.Platform;
import computer.parachute.hub.core.unit.ServiceManager;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The production wiring ({@link CliWiring}) with one seam swapped: the platform's service manager is the given one,
 * adapted by the production {@link ServiceManagerUnits}. Output is captured.
 */
public final class RealWiringWithUnits implements CliEnvironment {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CliWiring wiring;
    private final ServiceManagerUnits units;

    public RealWiringWithUnits(HubHome home, Map<String, String> env, ServiceManager manager) {
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        Console console = new Console(stream, stream, false);
        this.wiring = new CliWiring(console, home, env);
        HubHealth health = new HttpHubHealth(MonotonicClock.SYSTEM);
        this.units = new ServiceManagerUnits(manager, health, PollTimer.system(), console::line, home, Platform.current(),
                env.getOrDefault(computer.parachute.hub.core.unit.UnitPath.EXTRA_ENV, ""));
    }

    /** Runs one command line and returns its exit code; {@link #takeOutput()} has what it printed. */
    public int run(String... args) {
        return ParachuteCli.execute(args, this);
    }

    public String takeOutput() {
        String text = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return text;
    }

    @Override public Console console() { return wiring.console(); }
    @Override public HubHome home() { return wiring.home(); }
    @Override public Map<String, String> env() { return wiring.env(); }
    @Override public Clock clock() { return wiring.clock(); }
    @Override public HubHealth health() { return wiring.health(); }
    @Override public PortProbe portProbe() { return wiring.portProbe(); }
    @Override public HubUnitManager unitManager() { return units; }
    @Override public HubUnitInstaller unitInstaller() { return units; }
    @Override public HubArm detachedArm(Optional<Path> launcher) { return wiring.detachedArm(launcher); }
    @Override public ModuleOpsClient moduleOps(int port) { return wiring.moduleOps(port); }
    @Override public Path launcherJar(Optional<Path> launcher) throws CliFailure { return wiring.launcherJar(launcher); }
    @Override public ForegroundRunner foreground() { return wiring.foreground(); }
    @Override public computer.parachute.hub.cli.dashboard.BrowserOpener browser() { return wiring.browser(); }
    @Override public OperatorTokenAdmin tokenAdmin() throws CliFailure { return wiring.tokenAdmin(); }
}

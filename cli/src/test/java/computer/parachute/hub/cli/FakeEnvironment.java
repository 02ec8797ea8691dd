package computer.parachute.hub.cli;

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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link CliEnvironment} whose every seam is a field a test sets; stdout and stderr are captured. */
public final class FakeEnvironment implements CliEnvironment {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), false);

    public final HubHome home;
    public final Map<String, String> env = new HashMap<>();
    public Clock clock = Clock.systemUTC();
    public FakeHealth health = new FakeHealth();
    public PortProbe portProbe = port -> false;
    public FakeUnitManager units = new FakeUnitManager();
    public HubArm detached = new FakeHubArm("detached");
    public FakeModuleOps ops = new FakeModuleOps();
    public final List<Integer> opsPorts = new ArrayList<>();
    public Path launcherJar = Path.of("/opt/parachute/launcher.jar");
    public ForegroundRunner foreground = (argv, env) -> 0;
    public OperatorTokenAdmin tokenAdmin;
    public FakeBrowser browser = new FakeBrowser();

    public FakeEnvironment(Path root) {
        this.home = new HubHome(root);
        env.put(computer.parachute.hub.cli.hub.HubPorts.PORT_ENV, "1939");
    }

    public int run(String... args) {
        return ParachuteCli.execute(args, this);
    }

    public String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    public String output() {
        return stdout() + stderr();
    }

    @Override public Console console() { return console; }
    @Override public HubHome home() { return home; }
    @Override public Map<String, String> env() { return env; }
    @Override public Clock clock() { return clock; }
    @Override public HubHealth health() { return health; }
    @Override public PortProbe portProbe() { return portProbe; }
    @Override public HubUnitManager unitManager() { return units; }
    @Override public HubUnitInstaller unitInstaller() { return units; }
    @Override public HubArm detachedArm(Optional<Path> launcher) { return detached; }
    @Override public ForegroundRunner foreground() { return foreground; }
    @Override public BrowserOpener browser() { return browser; }

    @Override
    public ModuleOpsClient moduleOps(int port) {
        opsPorts.add(port);
        return ops;
    }

    @Override
    public Path launcherJar(Optional<Path> launcher) {
        return launcher.orElse(launcherJar);
    }

    @Override
    public OperatorTokenAdmin tokenAdmin() throws CliFailure {
        if (tokenAdmin == null) {
            throw new CliFailure("no token admin in this test");
        }
        return tokenAdmin;
    }
}

package computer.parachute.hub.cli;

import computer.parachute.hub.cli.auth.OperatorTokenAdmin;
import computer.parachute.hub.cli.auth.HubDbTokenAdmin;
import computer.parachute.hub.cli.client.TokenUseBearer;
import computer.parachute.hub.cli.client.HttpModuleOpsClient;
import computer.parachute.hub.cli.client.ModuleOpsClient;
import computer.parachute.hub.cli.dashboard.BrowserOpener;
import computer.parachute.hub.cli.dashboard.SystemBrowserOpener;
import computer.parachute.hub.cli.hub.DetachedArm;
import computer.parachute.hub.cli.hub.DetachedSeams;
import computer.parachute.hub.cli.hub.DetachedTimings;
import computer.parachute.hub.cli.hub.HandleSignals;
import computer.parachute.hub.cli.hub.HttpHubHealth;
import computer.parachute.hub.cli.hub.HubArm;
import computer.parachute.hub.cli.hub.HubCommand;
import computer.parachute.hub.cli.hub.HubHealth;
import computer.parachute.hub.cli.hub.HubUnitInstaller;
import computer.parachute.hub.cli.hub.HubUnitManager;
import computer.parachute.hub.cli.hub.LauncherJar;
import computer.parachute.hub.cli.hub.ServiceManagerUnits;
import computer.parachute.hub.cli.hub.SetsidLauncher;
import computer.parachute.hub.cli.serve.ForegroundRunner;
import computer.parachute.hub.cli.serve.InheritIoRunner;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.net.PortProbe;
import computer.parachute.hub.core.net.ProcPortOwnerLookup;
import computer.parachute.hub.core.net.TcpPortProbe;
import computer.parachute.hub.core.process.JdkProcessTable;
import computer.parachute.hub.core.time.MonotonicClock;
import computer.parachute.hub.core.unit.GuardedCommandRunner;
import computer.parachute.hub.core.unit.HubJavaFinder;
import computer.parachute.hub.core.unit.Platform;
import computer.parachute.hub.core.unit.ProcessCommandRunner;
import computer.parachute.hub.core.unit.ServiceManager;
import computer.parachute.hub.core.unit.ServiceManagers;
import computer.parachute.hub.core.unit.UnitPath;
import computer.parachute.hub.core.unit.PollTimer;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Production wiring for {@link ParachuteCli#main} (STYLE rule 2): a flat list of constructions, each made only when
 * a verb first asks for it, so {@code --help} and {@code status} load no HTTP, process or database classes they
 * don't use.
 */
public final class CliWiring implements CliEnvironment {

    private final Console console;
    private final HubHome home;
    private final Map<String, String> env;
    private HubHealth health;
    private ServiceManagerUnits units;

    CliWiring(Console console, HubHome home, Map<String, String> env) {
        this.console = console;
        this.home = home;
        this.env = env;
    }

    /** The real process: UTF-8 stdout/stderr (✓ and ✗ must survive a C locale), colour per {@link Console#colourWanted}. */
    public static CliWiring forProcess() {
        Map<String, String> env = System.getenv();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Console console = new Console(out, err, Console.colourWanted(System.console() != null, env));
        return new CliWiring(console, HubHome.fromEnvironment(), env);
    }

    @Override public Console console() { return console; }
    @Override public HubHome home() { return home; }
    @Override public Map<String, String> env() { return env; }
    @Override public Clock clock() { return Clock.systemUTC(); }
    @Override public PortProbe portProbe() { return new TcpPortProbe(); }
    @Override public ForegroundRunner foreground() { return new InheritIoRunner(); }

    @Override
    public HubHealth health() {
        if (health == null) {
            health = new HttpHubHealth(MonotonicClock.SYSTEM);
        }
        return health;
    }

    @Override
    public HubUnitManager unitManager() {
        return units();
    }

    @Override
    public HubUnitInstaller unitInstaller() {
        return units();
    }

    @Override
    public HubArm detachedArm(Optional<Path> launcher) {
        DetachedSeams seams = new DetachedSeams(health(), portProbe(), new ProcPortOwnerLookup(), new JdkProcessTable(),
                new HandleSignals(), new SetsidLauncher(), () -> HubCommand.argv(HubCommand.java(env), launcherJar(launcher)),
                MonotonicClock.SYSTEM);
        return new DetachedArm(home, env, seams, DetachedTimings.DEFAULT);
    }

    @Override
    public ModuleOpsClient moduleOps(int port) {
        return new HttpModuleOpsClient(port, new TokenUseBearer(home, port, env, clock(), console::detail));
    }

    @Override
    public Path launcherJar(Optional<Path> launcher) throws CliFailure {
        return LauncherJar.locate(launcher, env, cliJarDir());
    }

    @Override
    public BrowserOpener browser() {
        return new SystemBrowserOpener(Platform.current(), env);
    }

    @Override
    public OperatorTokenAdmin tokenAdmin() throws CliFailure {
        return HubDbTokenAdmin.open(home, hubPort(), env, clock(), console::detail);
    }

    private ServiceManagerUnits units() {
        if (units == null) {
            Platform platform = Platform.current();
            ServiceManager manager = ServiceManagers.detect(platform, GuardedCommandRunner.fromEnvironment(new ProcessCommandRunner()));
            units = new ServiceManagerUnits(manager, health(), PollTimer.system(), console::line, home, platform,
                    env.getOrDefault(UnitPath.EXTRA_ENV, ""), HubJavaFinder.of(env));
        }
        return units;
    }

    /** The directory parachute.jar runs from (empty when run from classes, as in unit tests). */
    private static Optional<Path> cliJarDir() {
        try {
            Path location = Path.of(ParachuteCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? Optional.ofNullable(location.getParent()) : Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}

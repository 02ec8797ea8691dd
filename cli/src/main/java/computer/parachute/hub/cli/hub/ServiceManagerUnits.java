package computer.parachute.hub.cli.hub;

import computer.parachute.hub.core.unit.HubJava;

import java.util.Optional;

import java.io.File;

import computer.parachute.hub.core.unit.UnitPath;

import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.unit.ControlResult;
import computer.parachute.hub.core.unit.EnsureResult;
import computer.parachute.hub.core.unit.HubJavaFinder;
import computer.parachute.hub.core.unit.HubUnit;
import computer.parachute.hub.core.unit.HubUnitControl;
import computer.parachute.hub.core.unit.InstallResult;
import computer.parachute.hub.core.unit.Platform;
import computer.parachute.hub.core.unit.PollTimer;
import computer.parachute.hub.core.unit.RemoveResult;
import computer.parachute.hub.core.unit.ServiceManager;
import computer.parachute.hub.core.unit.UnitState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The unit arm's seams over core's {@link ServiceManager} and {@link HubUnitControl} (DESIGN §9): maps their
 * result records onto the CLI's {@link UnitReply}/{@link UnitStateView}. Every call is a manager call; nothing
 * here signals a pid.
 */
public final class ServiceManagerUnits implements HubUnitManager, HubUnitInstaller {
    private final ServiceManager manager;
    private final HubHealth health;
    private final PollTimer timer;
    private final Consumer<String> progress;
    private final HubHome home;
    private final Platform platform;
    private final String path;
    private final HubJavaFinder javaFinder;

    /**
     * @param progress receives "starting the hub unit…" before a slow start
     * @param path     directories put first on an installed unit's PATH ({@code PARACHUTE_UNIT_PATH}), may be empty
     */
    public ServiceManagerUnits(ServiceManager manager, HubHealth health, PollTimer timer, Consumer<String> progress,
                               HubHome home, Platform platform, String path) {
        this(manager, health, timer, progress, home, platform, path, HubJavaFinder.of(System.getenv()));
    }

    /** @param javaFinder chooses the JVM the unit runs the hub on */
    public ServiceManagerUnits(ServiceManager manager, HubHealth health, PollTimer timer, Consumer<String> progress,
                               HubHome home, Platform platform, String path, HubJavaFinder javaFinder) {
        this.javaFinder = javaFinder;
        this.manager = manager;
        this.health = health;
        this.timer = timer;
        this.progress = progress;
        this.home = home;
        this.platform = platform;
        this.path = path;
    }

    @Override
    public String kind() {
        return manager.kind();
    }

    @Override
    public boolean unitInstalled() {
        return manager.unitInstalled();
    }

    @Override
    public UnitReply ensureUp(int port) throws InterruptedException {
        return reply(control().ensureUp(port));
    }

    @Override
    public UnitReply control(Action action) {
        ControlResult result = manager.control(ServiceManager.Action.valueOf(action.name()));
        List<String> messages = new ArrayList<>(result.messages());
        if (!result.ok() && messages.isEmpty()) {
            messages.add("the service manager could not " + action.name().toLowerCase(Locale.ROOT) + " the hub unit ("
                    + (result.detail().isBlank() ? "no details" : result.detail()) + ")");
        }
        return new UnitReply(result.ok(), result.ok() ? List.of() : messages);
    }

    @Override
    public UnitReply restart(int port) throws InterruptedException {
        return reply(control().restart(port));
    }

    @Override
    public UnitStateView state() {
        UnitState state = manager.state();
        return new UnitStateView(state.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), state.detail());
    }

    @Override
    public UnitReply install(Path launcherJar, int port, boolean start) throws InterruptedException {
        return install(launcherJar, port, start, "", "");
    }

    @Override
    public UnitReply install(Path launcherJar, int port, boolean start, String extraPath, String runAsUser)
            throws InterruptedException {
        boolean otherUser = runAsUser != null && !runAsUser.isBlank();
        if (otherUser && !platform.isRoot()) {
            return new UnitReply(false, List.of("--user " + runAsUser + " makes a system unit, which needs root: run it"
                    + " with sudo, or leave --user out for your own user unit"));
        }
        Optional<Path> userHome = otherUser ? UserAccounts.home(runAsUser) : Optional.of(platform.homeDir());
        if (userHome.isEmpty()) {
            return new UnitReply(false, List.of("no user " + runAsUser + " on this machine (not in /etc/passwd)"));
        }
        Path hubHome = otherUser ? userHome.get().resolve(".parachute") : home.root();
        HubUnit unit;
        String unitPath;
        try {
            HubJava java = javaFinder.find();
            unitPath = UnitPath.compose(join(path, extraPath), java.bin(), userHome.get().toString());
            unit = HubUnit.forLauncher(java, launcherJar.toAbsolutePath(), hubHome, port,
                    platform.isRoot(), otherUser ? runAsUser : platform.userName(), unitPath);
        } catch (IllegalArgumentException e) {
            return new UnitReply(false, List.of(e.getMessage()));
        }
        List<String> notes = List.of("PATH for the hub and its modules: " + unitPath
                + " (put directories first with --path DIRS or " + UnitPath.EXTRA_ENV + ")");
        if (start) {
            UnitReply reply = reply(control().installAndStart(unit, port));
            return new UnitReply(reply.ok(), concat(reply.messages(), notes));
        }
        InstallResult installed = manager.install(unit, false);
        return new UnitReply(installed.outcome() == InstallResult.Outcome.INSTALLED, concat(installed.messages(), notes));
    }

    private static String join(String first, String second) {
        return String.join(File.pathSeparator, List.of(first == null ? "" : first, second == null ? "" : second));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Override
    public UnitReply remove() {
        RemoveResult removed = manager.remove();
        return new UnitReply(true, removed.messages());
    }

    private HubUnitControl control() {
        return new HubUnitControl(manager, health::hubAnswers, timer, progress);
    }

    private static UnitReply reply(EnsureResult result) {
        return new UnitReply(result.up(), result.messages());
    }
}

package computer.parachute.hub.cli.hub;

import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.unit.ControlResult;
import computer.parachute.hub.core.unit.EnsureResult;
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

    /**
     * @param progress receives "starting the hub unit…" before a slow start
     * @param path     the PATH baked into an installed unit
     */
    public ServiceManagerUnits(ServiceManager manager, HubHealth health, PollTimer timer, Consumer<String> progress,
                               HubHome home, Platform platform, String path) {
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
        HubUnit unit;
        try {
            unit = HubUnit.forLauncher(HubCommand.currentJava(), launcherJar.toAbsolutePath(), home.root(), port,
                    platform.isRoot(), platform.userName(), path);
        } catch (IllegalArgumentException e) {
            return new UnitReply(false, List.of(e.getMessage()));
        }
        if (start) {
            return reply(control().installAndStart(unit, port));
        }
        InstallResult installed = manager.install(unit, false);
        return new UnitReply(installed.outcome() == InstallResult.Outcome.INSTALLED, installed.messages());
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

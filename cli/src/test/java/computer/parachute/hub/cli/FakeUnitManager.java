package computer.parachute.hub.cli;

import computer.parachute.hub.cli.hub.HubUnitInstaller;
import computer.parachute.hub.cli.hub.HubUnitManager;
import computer.parachute.hub.cli.hub.UnitReply;
import computer.parachute.hub.cli.hub.UnitStateView;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Records every manager call; replies are fields a test sets (supervisord DummyOptions style). */
public final class FakeUnitManager implements HubUnitManager, HubUnitInstaller {
    public boolean installed;
    public String kind = "systemd";
    public UnitReply ensureReply = new UnitReply(true, List.of());
    public UnitReply controlReply = new UnitReply(true, List.of());
    public UnitReply installReply = new UnitReply(true, List.of("Installed systemd user unit parachute-hub.service — the hub now runs and starts on boot."));
    public UnitStateView state = new UnitStateView(UnitStateView.ACTIVE, "");
    public final List<String> calls = new ArrayList<>();

    @Override public String kind() { return kind; }
    @Override public boolean unitInstalled() { return installed; }

    @Override
    public UnitReply ensureUp(int port) {
        calls.add("ensureUp:" + port);
        return ensureReply;
    }

    @Override
    public UnitReply control(Action action) {
        calls.add("control:" + action);
        return controlReply;
    }

    @Override
    public UnitStateView state() {
        calls.add("state");
        return state;
    }

    @Override
    public UnitReply install(Path launcherJar, int port, boolean start) {
        calls.add("install:" + launcherJar + ":" + port + ":" + start);
        return installReply;
    }

    @Override
    public UnitReply remove() {
        calls.add("remove");
        return new UnitReply(true, List.of());
    }
}

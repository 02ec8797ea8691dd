package computer.parachute.hub.cli.hub;

import java.nio.file.Path;
import java.util.List;

/**
 * The host has no service manager the CLI can drive (a container, an init-less host, or a platform without
 * systemd/launchd): no unit is ever installed, so every hub verb takes the detached arm, and {@code hub install}
 * says how to run the hub instead.
 */
public final class NoUnitManager implements HubUnitManager, HubUnitInstaller {
    /** Reference §5.3, word for word. */
    public static final String NO_MANAGER_MESSAGE = "no service manager (systemd/launchd) found — run `parachute serve` in the foreground, or use a platform that provides one";

    @Override
    public String kind() {
        return "none";
    }

    @Override
    public boolean unitInstalled() {
        return false;
    }

    @Override
    public UnitReply ensureUp(int port) {
        return new UnitReply(false, List.of(NO_MANAGER_MESSAGE));
    }

    @Override
    public UnitReply control(Action action) {
        return new UnitReply(false, List.of(NO_MANAGER_MESSAGE));
    }

    @Override
    public UnitStateView state() {
        return new UnitStateView(UnitStateView.NO_MANAGER, "");
    }

    @Override
    public UnitReply install(Path launcherJar, int port, boolean start) {
        return new UnitReply(false, List.of(NO_MANAGER_MESSAGE));
    }

    @Override
    public UnitReply remove() {
        return new UnitReply(true, List.of("no hub unit is installed (no service manager on this host)."));
    }
}

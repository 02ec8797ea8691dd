package computer.parachute.hub.core.unit;

import java.util.List;

/** Picks the {@link ServiceManager} for this machine (reference §5.1 "service manager present"). */
public final class ServiceManagers {

    private ServiceManagers() {
    }

    /** Linux with systemctl → systemd; macOS with launchctl → launchd; anything else → none. */
    public static ServiceManager detect(Platform platform, CommandRunner runner) {
        if (platform.isLinux()) {
            return runner.isOnPath("systemctl") ? new SystemdManager(platform, runner) : new NoServiceManager();
        }
        if (platform.isMac()) {
            return runner.isOnPath("launchctl") ? new LaunchdManager(platform, runner) : new NoServiceManager();
        }
        return new NoServiceManager(UnitMessages.unsupported(platform.osName()));
    }

    /** The manager's recent-log view, or an empty one for a manager that has none. */
    public static UnitLog logOf(ServiceManager manager) {
        return manager instanceof UnitLog ? (UnitLog) manager : lines -> List.of();
    }
}

package computer.parachute.hub.core.unit;

/** Operator-facing texts shared by the managers and {@link HubUnitControl} (reference §5.3–§5.5). */
final class UnitMessages {

    static final String NO_MANAGER = "no service manager (systemd/launchd) found — run `parachute serve` "
            + "in the foreground, or use a platform that provides one";
    static final String NO_UNIT = "no hub unit installed — run `parachute hub install` to install it";
    static final String LINGER_WARNING = "Note: could not enable lingering (loginctl enable-linger) — the hub "
            + "will run while you're logged in but may not start on a cold boot before login. Re-run as root "
            + "(a system unit needs no linger) if you want cold-boot survival.";
    static final String STARTING = "Hub not responding — starting the hub unit via the service manager…";

    private UnitMessages() {
    }

    static String unsupported(String osName) {
        return "Boot-persistent unit isn't supported on " + osName + "; using a transient process.";
    }

    static String writeFailed(Exception e) {
        return "Failed to write the hub unit file (" + e.getMessage() + ").";
    }

    static String controlFailed(ServiceManager.Action action, String detail) {
        return "failed to " + verb(action) + " the hub unit via the service manager (" + detail + ")";
    }

    /** The unit's start rate limit tripped: the hub crashed again and again, so systemd stopped restarting it. */
    static String crashLoop(ServiceManager.Action action, String resetCommand) {
        return "failed to " + verb(action) + " the hub unit: the hub kept crashing and systemd stopped restarting it"
                + " (crash-loop ceiling, StartLimitBurst) — fix the cause in the log below, then `" + resetCommand
                + "` and `parachute start hub`";
    }

    static String startFailed(String detail) {
        return "failed to start the hub unit via the service manager (" + detail + ") — run `parachute hub "
                + "install` to (re)install it, or `parachute serve` in the foreground";
    }

    static String notReady(String what, int port, long seconds) {
        return "hub unit " + what + " but did not become ready on 127.0.0.1:" + port + " within " + seconds + "s";
    }

    private static String verb(ServiceManager.Action action) {
        switch (action) {
            case START:
                return "start";
            case STOP:
                return "stop";
            default:
                return "restart";
        }
    }
}

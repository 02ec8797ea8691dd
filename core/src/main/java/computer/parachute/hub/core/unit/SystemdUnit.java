package computer.parachute.hub.core.unit;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@link HubUnit} as a systemd service file (reference §5.2, DESIGN §9).
 * Deliberate differences from the reference: the StartLimit lines sit in {@code [Unit]}, where
 * systemd actually reads {@code StartLimitIntervalSec} (in {@code [Service]} systemd 252 logs
 * "Unknown key" and the ceiling silently never applies); and the stop behaviour is pinned.
 */
public final class SystemdUnit {

    /** Seconds between a crash and the restart (reference §5.2). */
    static final int RESTART_DELAY_SECONDS = 5;

    /**
     * Longer than the hub's own shutdown: modules get a 5 s stop grace (concurrently), then Jetty
     * and the DB close. Past this, systemd sends SIGKILL to whatever is left in the cgroup.
     */
    static final int STOP_TIMEOUT_SECONDS = 30;

    /**
     * With {@code WatchdogSec=} the hub's supervisor loop (every 2 s) pings at half this period; a hub whose
     * supervisor hangs is aborted (SIGABRT) and restarted by systemd.
     */
    static final int WATCHDOG_SECONDS = 30;

    /** A JVM that dies by SIGTERM with a misbehaving shutdown hook exits 143; that is still a stop. */
    static final int SIGTERM_EXIT_STATUS = 143;

    private SystemdUnit() {
    }

    /** The unit file text, newline-terminated. */
    public static String render(HubUnit unit) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(unit.header()).append('\n');
        appendUnitSection(out, unit);
        out.append('\n');
        appendServiceSection(out, unit);
        out.append('\n');
        out.append("[Install]\n");
        out.append("WantedBy=").append(wantedBy(unit.scope())).append('\n');
        return out.toString();
    }

    private static void appendUnitSection(StringBuilder out, HubUnit unit) {
        out.append("[Unit]\n");
        out.append("Description=").append(unit.description()).append('\n');
        // only the system manager has network-online.target; a user manager has no such unit
        if (unit.scope() == UnitScope.SYSTEM) {
            out.append("After=network-online.target\n");
            out.append("Wants=network-online.target\n");
        }
        if (unit.ceiling().hasStartLimit()) {
            out.append("StartLimitIntervalSec=").append(unit.ceiling().intervalSeconds()).append('\n');
            out.append("StartLimitBurst=").append(unit.ceiling().burst()).append('\n');
        }
    }

    private static void appendServiceSection(StringBuilder out, HubUnit unit) {
        out.append("[Service]\n");
        // READY=1 once the port is bound and /health answers; sent by the launcher through systemd-notify, a child
        // of the main process, hence NotifyAccess=all (the hub keeps NOTIFY_SOCKET out of its modules' env)
        out.append("Type=notify\n");
        out.append("NotifyAccess=all\n");
        out.append("WatchdogSec=").append(WATCHDOG_SECONDS).append('\n');
        if (unit.pinsUser()) {
            out.append("User=").append(unit.runAsUser()).append('\n');
        }
        for (Map.Entry<String, String> e : unit.env().entrySet()) {
            out.append("Environment=")
                    .append(SystemdQuoting.environmentAssignment(e.getKey(), e.getValue()))
                    .append('\n');
        }
        out.append("ExecStart=").append(execStart(unit)).append('\n');
        // after the hub died without stopping its modules (crash, kill -9, watchdog): SIGTERM, a grace, then SIGKILL
        // to each module the hub recorded in hub.db, then to anything else left in the unit's cgroup; a no-op after
        // a clean stop
        out.append("ExecStopPost=").append(argv(unit.reapArgv())).append('\n');
        out.append("Restart=always\n");
        out.append("RestartSec=").append(RESTART_DELAY_SECONDS).append('\n');
        // process: systemd signals the hub only, so on a stop it stops its modules in order (control-group would TERM
        // them at the same time, racing the hub's own stop into crash respawns). Not mixed: when the hub's main
        // process dies (crash, kill -9) systemd 252 goes straight to the SIGKILL of every process of a mixed unit,
        // before ExecStopPost runs (seen in BootedSystemdIT); with process, ExecStopPost gives them SIGTERM first
        out.append("KillMode=process\n");
        out.append("TimeoutStopSec=").append(STOP_TIMEOUT_SECONDS).append('\n');
        out.append("SuccessExitStatus=").append(SIGTERM_EXIT_STATUS).append('\n');
        // owner-only files whatever the caller's umask (DESIGN §12); the hub also sets modes explicitly
        out.append("UMask=").append(UnitUmask.OCTAL).append('\n');
    }

    private static String execStart(HubUnit unit) {
        return argv(unit.execStart());
    }

    private static String argv(java.util.List<String> argv) {
        return argv.stream()
                .map(SystemdQuoting::execArgument)
                .collect(Collectors.joining(" "));
    }

    private static String wantedBy(UnitScope scope) {
        return scope == UnitScope.SYSTEM ? "multi-user.target" : "default.target";
    }
}

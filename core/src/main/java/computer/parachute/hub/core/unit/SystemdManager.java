package computer.parachute.hub.core.unit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hub unit under systemd (reference §5.3–§5.5). Non-root: a user unit under
 * {@code ~/.config/systemd/user}, every call with {@code --user}, lingering enabled so it survives
 * logout. Root: a system unit under {@code /etc/systemd/system}, no {@code --user}.
 */
public final class SystemdManager implements ServiceManager, UnitLog {

    /** systemctl returns at once for Type=simple; this only bounds a wedged D-Bus. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private static final String SYSTEMCTL = "systemctl";
    private static final String LOGINCTL = "loginctl";
    private static final String JOURNALCTL = "journalctl";

    private final Platform platform;
    private final CommandRunner runner;

    /** Hub log lines quoted under a failed start/restart: enough to show why it keeps crashing. */
    static final int CRASH_TAIL_LINES = 20;

    public SystemdManager(Platform platform, CommandRunner runner) {
        this.platform = platform;
        this.runner = runner;
    }

    @Override
    public UnitLocation location() {
        Path dir = platform.isRoot() ? platform.systemUnitDir() : platform.userUnitDir();
        return new UnitLocation(UnitLocation.SYSTEMD, Optional.of(dir.resolve(HubUnit.UNIT_NAME)));
    }

    private Path unitPath() {
        return location().unitFile().orElseThrow();
    }

    // ---- install / remove -------------------------------------------------------------------

    @Override
    public InstallResult install(HubUnit unit, boolean start) {
        if (!runner.isOnPath(SYSTEMCTL)) {
            return InstallResult.fallback(UnitLocation.SYSTEMD, UnitMessages.NO_MANAGER);
        }
        try {
            UnitFiles.writeAtomically(unitPath(), SystemdUnit.render(unit));
        } catch (IOException | RuntimeException e) {
            return InstallResult.fallback(UnitLocation.SYSTEMD, UnitMessages.writeFailed(e));
        }
        List<String> notes = new ArrayList<>();
        if (!platform.isRoot() && !platform.userName().isEmpty() && !ensureLinger()) {
            notes.add(UnitMessages.LINGER_WARNING);
        }
        CommandResult reload = systemctl("daemon-reload");
        if (!reload.ok()) {
            UnitFiles.deleteQuietly(unitPath());
            return InstallResult.fallback(UnitLocation.SYSTEMD,
                    "systemctl daemon-reload failed (" + reload.detail() + ").");
        }
        // enabled either way: --no-start only skips starting it now, it must still start on boot
        List<String> enableArgs = start ? List.of("enable", "--now", HubUnit.UNIT_NAME) : List.of("enable", HubUnit.UNIT_NAME);
        CommandResult enable = systemctl(enableArgs.toArray(String[]::new));
        if (!enable.ok()) {
            UnitFiles.deleteQuietly(unitPath());
            systemctl("daemon-reload");
            return InstallResult.fallback(UnitLocation.SYSTEMD,
                    "systemctl " + String.join(" ", enableArgs.subList(0, enableArgs.size() - 1)) + " failed ("
                            + enable.detail() + ").");
        }
        List<String> messages = new ArrayList<>();
        messages.add("Installed systemd " + scopeWord() + " unit " + HubUnit.UNIT_NAME + " — the hub "
                + (start ? "now runs and starts on boot." : "starts on boot (not started now: `parachute start hub`)."));
        messages.addAll(notes);
        return InstallResult.installed(UnitLocation.SYSTEMD, unitPath(), messages);
    }

    /**
     * True when the user lingers (or now does). #528: ask first, because enable-linger needs polkit
     * rights a user may lack even when lingering is already on.
     */
    private boolean ensureLinger() {
        if (!runner.isOnPath(LOGINCTL)) {
            return false;
        }
        String user = platform.userName();
        CommandResult show = run(List.of(LOGINCTL, "show-user", user, "--property=Linger"));
        if (show.ok() && show.stdout().lines().anyMatch(l -> l.strip().equals("Linger=yes"))) {
            return true;
        }
        return run(List.of(LOGINCTL, "enable-linger", user)).ok();
    }

    @Override
    public RemoveResult remove() {
        if (!location().installed()) {
            return new RemoveResult(false, List.of());
        }
        boolean manager = runner.isOnPath(SYSTEMCTL);
        if (manager) {
            systemctl("disable", "--now", HubUnit.UNIT_NAME); // not loaded or already stopped is fine
        }
        String deleteError = UnitFiles.deleteQuietly(unitPath());
        if (!deleteError.isEmpty()) {
            return new RemoveResult(false, List.of("Failed to remove the hub unit: " + deleteError + "."));
        }
        if (manager) {
            systemctl("daemon-reload");
        }
        return new RemoveResult(true, List.of("Removed systemd " + scopeWord() + " unit " + HubUnit.UNIT_NAME + "."));
    }

    // ---- control / state ----------------------------------------------------------------------

    @Override
    public ControlResult control(Action action) {
        Optional<ControlResult> unreachable = ControlResult.unreachable(runner.isOnPath(SYSTEMCTL), location().installed());
        if (unreachable.isPresent()) {
            return unreachable.get();
        }
        if (action != Action.STOP) {
            // an operator's start/restart clears a tripped crash-loop ceiling, and manual restarts must not count
            // toward StartLimitBurst (the 6th restart in 5 minutes used to leave the hub stopped)
            systemctl("reset-failed", HubUnit.UNIT_NAME);
        }
        CommandResult result = systemctl(action.name().toLowerCase(Locale.ROOT), HubUnit.UNIT_NAME);
        if (result.ok()) {
            return new ControlResult(ControlResult.Status.OK, "", List.of());
        }
        List<String> messages = new ArrayList<>();
        String unitResult = systemctl("show", "--property=Result", "--value", HubUnit.UNIT_NAME).stdout().strip();
        if ("start-limit-hit".equals(unitResult)) {
            messages.add(UnitMessages.crashLoop(action, "systemctl " + (platform.isRoot() ? "" : "--user ")
                    + "reset-failed " + HubUnit.UNIT_NAME));
        } else {
            String detail = result.detail()
                    + (unitResult.isEmpty() || "success".equals(unitResult) ? "" : "; unit result: " + unitResult);
            messages.add(action == Action.START ? UnitMessages.startFailed(detail) : UnitMessages.controlFailed(action, detail));
        }
        messages.addAll(recent(CRASH_TAIL_LINES));
        return new ControlResult(ControlResult.Status.FAILED, result.detail(), messages);
    }

    @Override
    public UnitState state() {
        Optional<UnitState> unreachable = UnitState.unreachable(runner.isOnPath(SYSTEMCTL), location().installed());
        if (unreachable.isPresent()) {
            return unreachable.get();
        }
        List<String> argv = systemctlArgv("is-active", HubUnit.UNIT_NAME);
        try {
            // is-active exits non-zero for every state but active; the token on stdout is the answer
            String token = runner.run(argv, COMMAND_TIMEOUT).stdout().strip();
            return new UnitState(mapIsActive(token), token);
        } catch (IOException | RuntimeException e) {
            return new UnitState(UnitState.Status.UNKNOWN, String.valueOf(e.getMessage()));
        }
    }

    static UnitState.Status mapIsActive(String token) {
        switch (token) {
            case "active":
                return UnitState.Status.ACTIVE;
            case "activating":
            case "reloading":
            case "deactivating":
                return UnitState.Status.ACTIVATING;
            case "failed":
                return UnitState.Status.FAILED;
            case "inactive":
            case "dead":
                return UnitState.Status.INACTIVE;
            default:
                return UnitState.Status.UNKNOWN;
        }
    }

    @Override
    public List<String> recent(int lines) {
        if (!runner.isOnPath(JOURNALCTL)) {
            return List.of();
        }
        CommandResult log = run(journalctlArgv(platform.isRoot(), lines, false));
        String text = log.stdout().isBlank() ? log.stderr() : log.stdout();
        return text.isBlank() ? List.of() : List.of("Recent hub unit log (journalctl):", text.stripTrailing());
    }

    /**
     * Where a unit's hub output lives: {@code journalctl [--user] -u parachute-hub.service -n N [-f] --no-pager}
     * (the system journal for a root unit, the user's for a user unit).
     */
    public static List<String> journalctlArgv(boolean root, int lines, boolean follow) {
        List<String> argv = new ArrayList<>(List.of(JOURNALCTL));
        if (!root) {
            argv.add("--user");
        }
        argv.addAll(List.of("-u", HubUnit.UNIT_NAME, "-n", Integer.toString(lines), "--no-pager"));
        if (follow) {
            argv.add("-f");
        }
        return argv;
    }

    // ---- plumbing ------------------------------------------------------------------------------

    private String scopeWord() {
        return platform.isRoot() ? "system" : "user";
    }

    private List<String> systemctlArgv(String... args) {
        List<String> argv = new ArrayList<>(List.of(SYSTEMCTL));
        if (!platform.isRoot()) {
            argv.add("--user");
        }
        argv.addAll(List.of(args));
        return argv;
    }

    private CommandResult systemctl(String... args) {
        return run(systemctlArgv(args));
    }

    /** A command that could not run reads as a failure with the reason as stderr; nothing here throws. */
    private CommandResult run(List<String> argv) {
        try {
            return runner.run(argv, COMMAND_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            return new CommandResult(-1, "", String.valueOf(e.getMessage()));
        }
    }
}

package computer.parachute.hub.core.unit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub unit as a launchd LaunchAgent in the user's GUI domain {@code gui/<uid>} (reference
 * §5.3–§5.5). Stop is {@code bootout}, not {@code kill}: with KeepAlive a killed hub comes back.
 */
public final class LaunchdManager implements ServiceManager, UnitLog {

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private static final String LAUNCHCTL = "launchctl";
    private static final Pattern STATE_LINE = Pattern.compile("^\\s*state = (.+?)\\s*$", Pattern.MULTILINE);
    private static final Pattern EXIT_LINE = Pattern.compile("^\\s*last exit code = (-?\\d+)", Pattern.MULTILINE);

    private final Platform platform;
    private final CommandRunner runner;

    public LaunchdManager(Platform platform, CommandRunner runner) {
        this.platform = platform;
        this.runner = runner;
    }

    @Override
    public UnitLocation location() {
        return new UnitLocation(UnitLocation.LAUNCHD,
                Optional.of(platform.launchAgentsDir().resolve(HubUnit.PLIST_NAME)));
    }

    private Path plistPath() {
        return location().unitFile().orElseThrow();
    }

    private String domain() {
        return "gui/" + platform.uid();
    }

    private String target() {
        return domain() + "/" + HubUnit.LABEL;
    }

    @Override
    public InstallResult install(HubUnit unit, boolean start) {
        if (!runner.isOnPath(LAUNCHCTL)) {
            return InstallResult.fallback(UnitLocation.LAUNCHD, UnitMessages.NO_MANAGER);
        }
        try {
            UnitFiles.writeAtomically(plistPath(), LaunchdPlist.render(unit));
        } catch (IOException | RuntimeException e) {
            return InstallResult.fallback(UnitLocation.LAUNCHD, UnitMessages.writeFailed(e));
        }
        if (start) {
            String loadError = load();
            if (!loadError.isEmpty()) {
                UnitFiles.deleteQuietly(plistPath());
                return InstallResult.fallback(UnitLocation.LAUNCHD,
                        "launchctl could not load the hub unit (" + loadError + ").");
            }
        }
        return InstallResult.installed(UnitLocation.LAUNCHD, plistPath(), List.of("Installed launchd LaunchAgent "
                + HubUnit.LABEL + " — the hub " + (start ? "now runs and " : "") + "starts on login/boot."));
    }

    /** Loads (or reloads) the agent; returns the failure detail, empty on success. */
    private String load() {
        launchctl("bootout", target()); // an old copy may be loaded; not loaded is fine
        String plist = plistPath().toString();
        if (launchctl("bootstrap", domain(), plist).ok()) {
            launchctl("kickstart", "-k", target()); // bootstrap alone may leave it waiting for RunAtLoad
            return "";
        }
        // older macOS, or a domain bootstrap refuses from this session: the legacy verb
        CommandResult legacy = launchctl("load", "-w", plist);
        return legacy.ok() ? "" : legacy.detail();
    }

    @Override
    public RemoveResult remove() {
        if (!location().installed()) {
            return new RemoveResult(false, List.of());
        }
        if (runner.isOnPath(LAUNCHCTL)) {
            launchctl("bootout", target()); // not loaded is fine
        }
        String deleteError = UnitFiles.deleteQuietly(plistPath());
        if (!deleteError.isEmpty()) {
            return new RemoveResult(false, List.of("Failed to remove the hub unit: " + deleteError + "."));
        }
        return new RemoveResult(true, List.of("Removed launchd LaunchAgent " + HubUnit.LABEL + "."));
    }

    @Override
    public ControlResult control(Action action) {
        Optional<ControlResult> unreachable = ControlResult.unreachable(runner.isOnPath(LAUNCHCTL), location().installed());
        if (unreachable.isPresent()) {
            return unreachable.get();
        }
        // bootout unloads so KeepAlive cannot resurrect the hub; start and restart are both kickstart -k
        CommandResult result = action == Action.STOP
                ? launchctl("bootout", target())
                : launchctl("kickstart", "-k", target());
        if (result.ok()) {
            return new ControlResult(ControlResult.Status.OK, "", List.of());
        }
        return new ControlResult(ControlResult.Status.FAILED, result.detail(),
                List.of(UnitMessages.controlFailed(action, result.detail())));
    }

    @Override
    public UnitState state() {
        Optional<UnitState> unreachable = UnitState.unreachable(runner.isOnPath(LAUNCHCTL), location().installed());
        if (unreachable.isPresent()) {
            return unreachable.get();
        }
        try {
            return parsePrint(runner.run(List.of(LAUNCHCTL, "print", target()), COMMAND_TIMEOUT).stdout());
        } catch (IOException | RuntimeException e) {
            return new UnitState(UnitState.Status.UNKNOWN, String.valueOf(e.getMessage()));
        }
    }

    /** Reads {@code launchctl print}: empty = not loaded; else {@code state = X} and {@code last exit code = N}. */
    static UnitState parsePrint(String stdout) {
        if (stdout.isBlank()) {
            return new UnitState(UnitState.Status.INACTIVE, "not loaded");
        }
        Matcher state = STATE_LINE.matcher(stdout);
        if (!state.find()) {
            return new UnitState(UnitState.Status.UNKNOWN, stdout.strip());
        }
        String running = state.group(1);
        if (running.equals("running")) {
            return new UnitState(UnitState.Status.ACTIVE, running);
        }
        Matcher exit = EXIT_LINE.matcher(stdout);
        if (exit.find() && Integer.parseInt(exit.group(1)) != 0) {
            return new UnitState(UnitState.Status.FAILED, running + ", last exit code " + exit.group(1));
        }
        return new UnitState(UnitState.Status.INACTIVE, running);
    }

    @Override
    public List<String> recent(int lines) {
        if (!runner.isOnPath(LAUNCHCTL)) {
            return List.of();
        }
        CommandResult print = launchctl("print", target());
        String text = print.stdout().isBlank() ? print.stderr() : print.stdout();
        return text.isBlank() ? List.of() : List.of("Hub unit state (launchctl print):", text.stripTrailing());
    }

    /** A command that could not run reads as a failure with the reason as stderr; nothing here throws. */
    private CommandResult launchctl(String... args) {
        List<String> argv = new ArrayList<>(List.of(LAUNCHCTL));
        argv.addAll(List.of(args));
        try {
            return runner.run(argv, COMMAND_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            return new CommandResult(-1, "", String.valueOf(e.getMessage()));
        }
    }
}

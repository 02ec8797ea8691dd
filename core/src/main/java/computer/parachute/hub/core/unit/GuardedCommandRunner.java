package computer.parachute.hub.core.unit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses state-changing service-manager verbs while running under tests (reference #535: a test
 * once booted out a developer's live hub). Read-only verbs ({@code is-active}, {@code print},
 * {@code show-user}, {@code journalctl}) always pass.
 *
 * <p>A refusal is returned, not thrown: {@code CommandResult(126, "", "refused: ...")}, exit 126
 * being the shell's "found but not executable". Callers already treat non-zero exits as failures,
 * so a wrongly wired test fails loudly without the command ever reaching the machine.
 *
 * <p>"Under tests" = system property {@code parachute.test=true} or env {@code PARACHUTE_TEST=1}.
 * The escape hatch is {@code PARACHUTE_ALLOW_REAL_SERVICE_MANAGER=1} (env or system property).
 */
public final class GuardedCommandRunner implements CommandRunner {

    public static final int REFUSED_EXIT_CODE = 126;
    public static final String TEST_PROPERTY = "parachute.test";
    public static final String TEST_ENV = "PARACHUTE_TEST";
    public static final String ALLOW_REAL = "PARACHUTE_ALLOW_REAL_SERVICE_MANAGER";

    private static final Map<String, Set<String>> DESTRUCTIVE_VERBS = Map.of(
            "systemctl", Set.of("start", "stop", "restart", "reload", "enable", "disable", "daemon-reload", "reset-failed",
                    "mask", "unmask", "kill", "try-restart", "reload-or-restart", "try-reload-or-restart",
                    "isolate"),
            "launchctl", Set.of("bootout", "bootstrap", "load", "unload", "kickstart", "remove", "start",
                    "stop", "kill", "enable", "disable"),
            "loginctl", Set.of("enable-linger", "disable-linger", "terminate-user", "terminate-session",
                    "kill-user", "kill-session"));

    private final CommandRunner delegate;
    private final boolean refuseDestructive;

    /**
     * @param underTest  true when running inside a test JVM
     * @param allowReal  true when the developer explicitly allowed real service-manager changes
     */
    public GuardedCommandRunner(CommandRunner delegate, boolean underTest, boolean allowReal) {
        this.delegate = delegate;
        this.refuseDestructive = underTest && !allowReal;
    }

    /** Guards {@code delegate} according to this JVM's system properties and environment. */
    public static GuardedCommandRunner fromEnvironment(CommandRunner delegate) {
        boolean underTest = "true".equalsIgnoreCase(System.getProperty(TEST_PROPERTY))
                || isOn(System.getenv(TEST_ENV));
        boolean allowReal = isOn(System.getenv(ALLOW_REAL)) || isOn(System.getProperty(ALLOW_REAL));
        return new GuardedCommandRunner(delegate, underTest, allowReal);
    }

    @Override
    public CommandResult run(List<String> argv, Duration timeout) throws IOException {
        if (refuseDestructive && isDestructive(argv)) {
            return new CommandResult(REFUSED_EXIT_CODE, "", "refused: '" + String.join(" ", argv)
                    + "' changes the real service manager and this is a test run; set " + ALLOW_REAL
                    + "=1 to allow it");
        }
        return delegate.run(argv, timeout);
    }

    @Override
    public boolean isOnPath(String binary) {
        return delegate.isOnPath(binary);
    }

    /** True when the first non-option argument of a known manager is a state-changing verb. */
    static boolean isDestructive(List<String> argv) {
        if (argv.isEmpty()) {
            return false;
        }
        Path program = Path.of(argv.get(0)).getFileName();
        Set<String> verbs = DESTRUCTIVE_VERBS.get(program == null ? "" : program.toString());
        if (verbs == null) {
            return false;
        }
        return argv.stream().skip(1)
                .filter(arg -> !arg.startsWith("-"))
                .findFirst()
                .map(verbs::contains)
                .orElse(false);
    }

    private static boolean isOn(String value) {
        return "1".equals(value) || "true".equalsIgnoreCase(value);
    }
}

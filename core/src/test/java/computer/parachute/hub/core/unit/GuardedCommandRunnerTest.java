package computer.parachute.hub.core.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GuardedCommandRunnerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final FakeCommandRunner real = new FakeCommandRunner("systemctl");

    @ParameterizedTest
    @ValueSource(strings = {
        "systemctl --user start parachute-hub.service", "systemctl stop parachute-hub.service",
        "systemctl --user restart x", "systemctl reload x", "systemctl --user enable --now x",
        "systemctl disable --now x", "systemctl --user daemon-reload", "systemctl mask x", "systemctl unmask x",
        "launchctl bootout gui/501/computer.parachute.hub", "launchctl bootstrap gui/501 /p.plist",
        "launchctl load -w /p.plist", "launchctl unload /p.plist", "launchctl kickstart -k gui/501/x",
        "loginctl enable-linger op", "/usr/bin/systemctl --user stop x"})
    void refusesDestructiveVerbsUnderTest(String command) throws Exception {
        GuardedCommandRunner guarded = new GuardedCommandRunner(real, true, false);
        CommandResult result = guarded.run(List.of(command.split(" ")), TIMEOUT);
        assertEquals(GuardedCommandRunner.REFUSED_EXIT_CODE, result.exitCode());
        assertTrue(result.stderr().contains("PARACHUTE_ALLOW_REAL_SERVICE_MANAGER=1"), result.stderr());
        assertTrue(real.calls.isEmpty(), "the command reached the real runner");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "systemctl --user is-active parachute-hub.service", "launchctl print gui/501/computer.parachute.hub",
        "loginctl show-user op --property=Linger", "journalctl --user -u parachute-hub.service -n 50 --no-pager",
        "systemd-analyze verify x.service"})
    void readOnlyVerbsPassUnderTest(String command) throws Exception {
        GuardedCommandRunner guarded = new GuardedCommandRunner(real, true, false);
        assertEquals(0, guarded.run(List.of(command.split(" ")), TIMEOUT).exitCode());
        assertEquals(1, real.calls.size());
    }

    @Test
    void explicitAllowLetsDestructiveVerbsThrough() throws Exception {
        GuardedCommandRunner guarded = new GuardedCommandRunner(real, true, true);
        assertEquals(0, guarded.run(List.of("systemctl", "stop", "x"), TIMEOUT).exitCode());
        assertEquals(1, real.calls.size());
    }

    @Test
    void outsideTestsNothingIsRefused() throws Exception {
        GuardedCommandRunner guarded = new GuardedCommandRunner(real, false, false);
        assertEquals(0, guarded.run(List.of("launchctl", "bootout", "gui/501/x"), TIMEOUT).exitCode());
        assertEquals(1, real.calls.size());
    }

    @Test
    void isOnPathDelegates() {
        GuardedCommandRunner guarded = new GuardedCommandRunner(real, true, false);
        assertTrue(guarded.isOnPath("systemctl"));
        assertFalse(guarded.isOnPath("launchctl"));
    }

    @Test
    void fromEnvironmentHonoursTheTestProperty() throws Exception {
        String before = System.getProperty(GuardedCommandRunner.TEST_PROPERTY);
        System.setProperty(GuardedCommandRunner.TEST_PROPERTY, "true");
        try {
            CommandResult result = GuardedCommandRunner.fromEnvironment(real)
                    .run(List.of("systemctl", "--user", "stop", "x"), TIMEOUT);
            // the real env could carry the escape hatch; either way the guard must have decided consistently
            boolean allowed = "1".equals(System.getenv(GuardedCommandRunner.ALLOW_REAL))
                    || "true".equalsIgnoreCase(System.getenv(GuardedCommandRunner.ALLOW_REAL));
            assertEquals(allowed ? 0 : GuardedCommandRunner.REFUSED_EXIT_CODE, result.exitCode());
        } finally {
            if (before == null) {
                System.clearProperty(GuardedCommandRunner.TEST_PROPERTY);
            } else {
                System.setProperty(GuardedCommandRunner.TEST_PROPERTY, before);
            }
        }
    }
}

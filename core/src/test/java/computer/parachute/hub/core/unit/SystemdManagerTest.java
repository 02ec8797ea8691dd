package computer.parachute.hub.core.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdManagerTest {

    @TempDir
    Path home;

    private final FakeCommandRunner runner = new FakeCommandRunner("systemctl", "loginctl", "journalctl");

    private SystemdManager user() {
        return new SystemdManager(UnitFixtures.linuxUser(home), runner);
    }

    private SystemdManager root() {
        return new SystemdManager(UnitFixtures.linuxRoot(home), runner);
    }

    private Path userUnitFile() {
        return home.resolve(".config/systemd/user/parachute-hub.service");
    }

    // ---- install ---------------------------------------------------------------------------------

    @Test
    void userInstallWritesTheUnitLingersReloadsAndEnables() throws Exception {
        InstallResult result = user().install(UnitFixtures.userUnit(), true);
        assertEquals(InstallResult.Outcome.INSTALLED, result.outcome());
        assertEquals(SystemdUnit.render(UnitFixtures.userUnit()), Files.readString(userUnitFile()));
        assertEquals(List.of("loginctl show-user op --property=Linger", "loginctl enable-linger op",
                "systemctl --user daemon-reload", "systemctl --user enable --now parachute-hub.service"),
                runner.commandLines());
        assertEquals(List.of("Installed systemd user unit parachute-hub.service — the hub now runs and starts on boot."),
                result.messages());
        assertEquals(userUnitFile(), result.servicePath().orElseThrow());
    }

    @Test
    void lingerAlreadyOnIsNotEnabledAgain() {
        runner.answer("loginctl show-user", 0, "Linger=yes\n", "");
        user().install(UnitFixtures.userUnit(), true);
        assertFalse(runner.commandLines().contains("loginctl enable-linger op"));
    }

    @Test
    void lingerFailureIsAWarningNotAFailure() {
        runner.answer("loginctl enable-linger", 1, "", "Access denied");
        InstallResult result = user().install(UnitFixtures.userUnit(), true);
        assertEquals(InstallResult.Outcome.INSTALLED, result.outcome());
        assertTrue(result.messages().contains(UnitMessages.LINGER_WARNING));
    }

    @Test
    void missingLoginctlIsTheSameWarning() {
        runner.onPath.remove("loginctl");
        InstallResult result = user().install(UnitFixtures.userUnit(), true);
        assertTrue(result.messages().contains(UnitMessages.LINGER_WARNING));
        assertTrue(runner.commandLines().stream().noneMatch(c -> c.startsWith("loginctl")));
    }

    @Test
    void rootInstallsASystemUnitWithoutUserOrLinger() throws Exception {
        InstallResult result = root().install(UnitFixtures.systemUnit(), true);
        assertEquals(InstallResult.Outcome.INSTALLED, result.outcome());
        assertTrue(Files.readString(home.resolve("etc-systemd-system/parachute-hub.service")).contains("User=op\n"));
        assertEquals(List.of("systemctl daemon-reload", "systemctl enable --now parachute-hub.service"),
                runner.commandLines());
        assertEquals("Installed systemd system unit parachute-hub.service — the hub now runs and starts on boot.",
                result.messages().get(0));
    }

    @Test
    void noStartEnablesWithoutStartingAndStillLingers() {
        InstallResult result = user().install(UnitFixtures.userUnit(), false);
        assertEquals(List.of("loginctl show-user op --property=Linger", "loginctl enable-linger op",
                "systemctl --user daemon-reload", "systemctl --user enable parachute-hub.service"), runner.commandLines());
        assertEquals("Installed systemd user unit parachute-hub.service — the hub starts on boot (not started now:"
                + " `parachute start hub`).", result.messages().get(0));
    }

    @Test
    void daemonReloadFailureRemovesTheFileAndFallsBack() {
        runner.answer("systemctl --user daemon-reload", 1, "", "Failed to connect to bus");
        InstallResult result = user().install(UnitFixtures.userUnit(), true);
        assertEquals(InstallResult.Outcome.FALLBACK, result.outcome());
        assertEquals(List.of("systemctl daemon-reload failed (Failed to connect to bus)."), result.messages());
        assertFalse(Files.exists(userUnitFile()));
    }

    @Test
    void enableFailureRemovesTheFileReloadsAgainAndFallsBack() {
        runner.answer("systemctl --user enable", 1, "", "Unit is masked.");
        InstallResult result = user().install(UnitFixtures.userUnit(), true);
        assertEquals(List.of("systemctl enable --now failed (Unit is masked.)."), result.messages());
        assertFalse(Files.exists(userUnitFile()));
        List<String> lines = runner.commandLines();
        assertEquals("systemctl --user daemon-reload", lines.get(lines.size() - 1));
    }

    @Test
    void noSystemctlFallsBackWithoutWritingOrRunning() {
        runner.onPath.clear();
        InstallResult result = user().install(UnitFixtures.userUnit(), true);
        assertEquals(List.of(UnitMessages.NO_MANAGER), result.messages());
        assertFalse(Files.exists(userUnitFile()));
        assertTrue(runner.calls.isEmpty());
    }

    @Test
    void unwritableUnitDirFallsBack() throws Exception {
        Files.createDirectories(home.resolve(".config/systemd"));
        Files.writeString(home.resolve(".config/systemd/user"), "a file where a directory should be");
        InstallResult result = user().install(UnitFixtures.userUnit(), true);
        assertEquals(InstallResult.Outcome.FALLBACK, result.outcome());
        assertTrue(result.messages().get(0).startsWith("Failed to write the hub unit file ("), result.messages().get(0));
        assertTrue(runner.calls.isEmpty());
    }

    // ---- remove ----------------------------------------------------------------------------------

    @Test
    void removeDisablesDeletesAndReloads() throws Exception {
        installQuietly();
        RemoveResult result = user().remove();
        assertTrue(result.removed());
        assertFalse(Files.exists(userUnitFile()));
        assertEquals(List.of("systemctl --user disable --now parachute-hub.service", "systemctl --user daemon-reload"),
                runner.commandLines());
    }

    @Test
    void removeWithoutAUnitIsANoOp() {
        RemoveResult result = user().remove();
        assertFalse(result.removed());
        assertTrue(runner.calls.isEmpty());
    }

    // ---- control ---------------------------------------------------------------------------------

    @Test
    void controlUsesUserScopeForNonRoot() throws Exception {
        installQuietly();
        for (ServiceManager.Action action : ServiceManager.Action.values()) {
            assertTrue(user().control(action).ok());
        }
        assertEquals(List.of("systemctl --user reset-failed parachute-hub.service", "systemctl --user start parachute-hub.service",
                "systemctl --user stop parachute-hub.service", "systemctl --user reset-failed parachute-hub.service",
                "systemctl --user restart parachute-hub.service"), runner.commandLines());
    }

    @Test
    void aTrippedCeilingIsNamedWithTheResetCommandAndTheLogTail() throws Exception {
        installQuietly();
        runner.answer("systemctl --user start", 1, "", "Job for parachute-hub.service failed because a fatal signal was delivered");
        runner.answer("systemctl --user show", 0, "start-limit-hit\n", "");
        runner.answer("journalctl", 0, "Exception in thread main: hub.db is group-writable\n", "");
        ControlResult result = user().control(ServiceManager.Action.START);
        assertFalse(result.ok());
        assertTrue(result.messages().get(0).contains("kept crashing") && result.messages().get(0)
                .contains("`systemctl --user reset-failed parachute-hub.service`"), result.messages().get(0));
        assertTrue(String.join("\n", result.messages()).contains("hub.db is group-writable"), result.messages().toString());
    }

    @Test
    void controlHasNoUserFlagForRoot() throws Exception {
        Files.createDirectories(home.resolve("etc-systemd-system"));
        Files.writeString(home.resolve("etc-systemd-system/parachute-hub.service"), "x");
        root().control(ServiceManager.Action.STOP);
        assertEquals(List.of("systemctl stop parachute-hub.service"), runner.commandLines());
    }

    @Test
    void controlFailureCarriesStderr() throws Exception {
        installQuietly();
        runner.answer("systemctl --user stop", 5, "", "Unit parachute-hub.service not loaded.");
        ControlResult result = user().control(ServiceManager.Action.STOP);
        assertEquals(ControlResult.Status.FAILED, result.status());
        assertEquals(List.of("failed to stop the hub unit via the service manager "
                + "(Unit parachute-hub.service not loaded.)"), result.messages());
    }

    @Test
    void controlWithoutUnitOrManagerMakesNoCall() throws Exception {
        assertEquals(ControlResult.Status.NO_UNIT, user().control(ServiceManager.Action.STOP).status());
        installQuietly();
        runner.onPath.clear();
        assertEquals(ControlResult.Status.NO_MANAGER, user().control(ServiceManager.Action.STOP).status());
        assertTrue(runner.calls.isEmpty());
    }

    // ---- state -----------------------------------------------------------------------------------

    @Test
    void isActiveTokensMapRegardlessOfExitCode() throws Exception {
        installQuietly();
        assertState("active", 0, UnitState.Status.ACTIVE);
        assertState("failed", 3, UnitState.Status.FAILED);
        assertState("inactive", 3, UnitState.Status.INACTIVE);
        assertState("activating", 3, UnitState.Status.ACTIVATING);
        assertState("deactivating", 3, UnitState.Status.ACTIVATING);
        assertState("something-new", 3, UnitState.Status.UNKNOWN);
        assertEquals("systemctl --user is-active parachute-hub.service", runner.commandLines().get(0));
    }

    private void assertState(String token, int exit, UnitState.Status expected) {
        runner.answer("systemctl --user is-active", exit, token + "\n", "");
        assertEquals(expected, user().state().status(), token);
    }

    @Test
    void rootStateHasNoUserFlag() throws Exception {
        Files.createDirectories(home.resolve("etc-systemd-system"));
        Files.writeString(home.resolve("etc-systemd-system/parachute-hub.service"), "x");
        runner.answer("systemctl is-active", 0, "active\n", "");
        assertEquals(UnitState.Status.ACTIVE, root().state().status());
        assertEquals(List.of("systemctl is-active parachute-hub.service"), runner.commandLines());
    }

    @Test
    void stateGuardsAndAThrowingRunner() throws Exception {
        assertEquals(UnitState.Status.NO_UNIT, user().state().status());
        installQuietly();
        runner.failWith = new IOException("boom");
        UnitState state = user().state();
        assertEquals(UnitState.Status.UNKNOWN, state.status());
        assertEquals("boom", state.detail());
        runner.onPath.clear();
        assertEquals(UnitState.Status.NO_MANAGER, user().state().status());
    }

    @Test
    void recentLogComesFromJournalctlInScope() {
        runner.answer("journalctl", 0, "line 1\nline 2\n", "");
        assertEquals(List.of("Recent hub unit log (journalctl):", "line 1\nline 2"), user().recent(50));
        assertEquals("journalctl --user -u parachute-hub.service -n 50 --no-pager", runner.commandLines().get(0));
    }

    @Test
    void locationIsScopeAppropriate() {
        assertEquals(userUnitFile(), user().location().unitFile().orElseThrow());
        assertEquals(home.resolve("etc-systemd-system/parachute-hub.service"), root().location().unitFile().orElseThrow());
        assertEquals("systemd", user().kind());
    }

    private void installQuietly() throws IOException {
        Files.createDirectories(userUnitFile().getParent());
        Files.writeString(userUnitFile(), SystemdUnit.render(UnitFixtures.userUnit()));
    }
}

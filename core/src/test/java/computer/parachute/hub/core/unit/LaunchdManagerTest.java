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

class LaunchdManagerTest {

    private static final String TARGET = "gui/501/computer.parachute.hub";

    @TempDir
    Path home;

    private final FakeCommandRunner runner = new FakeCommandRunner("launchctl");

    private LaunchdManager manager() {
        return new LaunchdManager(UnitFixtures.mac(home), runner);
    }

    private Path plist() {
        return home.resolve("Library/LaunchAgents/computer.parachute.hub.plist");
    }

    @Test
    void installWritesThePlistBootstrapsAndKickstarts() throws Exception {
        InstallResult result = manager().install(UnitFixtures.userUnit(), true);
        assertEquals(InstallResult.Outcome.INSTALLED, result.outcome());
        assertEquals(LaunchdPlist.render(UnitFixtures.userUnit()), Files.readString(plist()));
        assertEquals(List.of("launchctl bootout " + TARGET, "launchctl bootstrap gui/501 " + plist(),
                "launchctl kickstart -k " + TARGET), runner.commandLines());
        assertEquals(List.of("Installed launchd LaunchAgent computer.parachute.hub — the hub now runs and starts on "
                + "login/boot."), result.messages());
    }

    @Test
    void bootstrapFailureFallsBackToLoadW() {
        runner.answer("launchctl bootstrap", 5, "", "Bootstrap failed: 5: Input/output error");
        InstallResult result = manager().install(UnitFixtures.userUnit(), true);
        assertEquals(InstallResult.Outcome.INSTALLED, result.outcome());
        assertEquals("launchctl load -w " + plist(), runner.commandLines().get(2));
        assertEquals(3, runner.calls.size(), "no kickstart after a legacy load");
    }

    @Test
    void bothLoadPathsFailingRemovesThePlistAndFallsBack() {
        runner.answer("launchctl bootstrap", 5, "", "Bootstrap failed");
        runner.answer("launchctl load", 1, "", "Load failed: 5: Input/output error");
        InstallResult result = manager().install(UnitFixtures.userUnit(), true);
        assertEquals(InstallResult.Outcome.FALLBACK, result.outcome());
        assertEquals(List.of("launchctl could not load the hub unit (Load failed: 5: Input/output error)."),
                result.messages());
        assertFalse(Files.exists(plist()));
    }

    @Test
    void noStartWritesThePlistOnly() {
        InstallResult result = manager().install(UnitFixtures.userUnit(), false);
        assertTrue(Files.exists(plist()));
        assertTrue(runner.calls.isEmpty());
        assertEquals(List.of("Installed launchd LaunchAgent computer.parachute.hub — the hub starts on login/boot."),
                result.messages());
    }

    @Test
    void noLaunchctlFallsBackWithoutWriting() {
        runner.onPath.clear();
        assertEquals(List.of(UnitMessages.NO_MANAGER), manager().install(UnitFixtures.userUnit(), true).messages());
        assertFalse(Files.exists(plist()));
    }

    @Test
    void removeBootsOutAndDeletes() throws Exception {
        writePlist();
        assertTrue(manager().remove().removed());
        assertFalse(Files.exists(plist()));
        assertEquals(List.of("launchctl bootout " + TARGET), runner.commandLines());
    }

    @Test
    void removeWithoutPlistIsANoOp() {
        assertFalse(manager().remove().removed());
        assertTrue(runner.calls.isEmpty());
    }

    @Test
    void startAndRestartKickstartStopBootsOut() throws Exception {
        writePlist();
        manager().control(ServiceManager.Action.START);
        manager().control(ServiceManager.Action.STOP);
        manager().control(ServiceManager.Action.RESTART);
        assertEquals(List.of("launchctl kickstart -k " + TARGET, "launchctl bootout " + TARGET,
                "launchctl kickstart -k " + TARGET), runner.commandLines());
    }

    @Test
    void controlFailureCarriesStderrAndNoUnitMakesNoCall() throws Exception {
        assertEquals(ControlResult.Status.NO_UNIT, manager().control(ServiceManager.Action.RESTART).status());
        assertTrue(runner.calls.isEmpty());
        writePlist();
        runner.answer("launchctl kickstart", 113, "", "Could not find service");
        ControlResult result = manager().control(ServiceManager.Action.RESTART);
        assertEquals(ControlResult.Status.FAILED, result.status());
        assertEquals(List.of("failed to restart the hub unit via the service manager (Could not find service)"),
                result.messages());
    }

    @Test
    void stateParsesLaunchctlPrint() throws Exception {
        writePlist();
        assertPrint("\tstate = running\n\tlast exit code = 1\n", UnitState.Status.ACTIVE);
        assertPrint("\tstate = not running\n\tlast exit code = 78\n", UnitState.Status.FAILED);
        assertPrint("\tstate = not running\n\tlast exit code = 0\n", UnitState.Status.INACTIVE);
        assertPrint("", UnitState.Status.INACTIVE);
        assertPrint("garbage without a state line", UnitState.Status.UNKNOWN);
        assertEquals("launchctl print " + TARGET, runner.commandLines().get(0));
    }

    private void assertPrint(String stdout, UnitState.Status expected) {
        runner.answer("launchctl print", stdout.isEmpty() ? 113 : 0, stdout, "");
        assertEquals(expected, manager().state().status(), stdout);
    }

    @Test
    void stateGuardsAndAThrowingRunner() throws Exception {
        assertEquals(UnitState.Status.NO_UNIT, manager().state().status());
        writePlist();
        runner.failWith = new IOException("launchctl hung");
        assertEquals(UnitState.Status.UNKNOWN, manager().state().status());
        runner.onPath.clear();
        assertEquals(UnitState.Status.NO_MANAGER, manager().state().status());
    }

    @Test
    void recentLogIsLaunchctlPrint() {
        runner.answer("launchctl print", 0, "state = not running\n", "");
        assertEquals(List.of("Hub unit state (launchctl print):", "state = not running"), manager().recent(50));
    }

    private void writePlist() throws IOException {
        Files.createDirectories(plist().getParent());
        Files.writeString(plist(), LaunchdPlist.render(UnitFixtures.userUnit()));
    }
}

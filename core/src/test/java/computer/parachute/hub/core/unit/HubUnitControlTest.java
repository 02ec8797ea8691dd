package computer.parachute.hub.core.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubUnitControlTest {

    private static final int PORT = 1939;

    @TempDir
    Path home;

    private final FakeCommandRunner runner = new FakeCommandRunner("systemctl", "launchctl", "journalctl", "loginctl");
    private final FakePollTimer timer = new FakePollTimer();
    private final List<String> progress = new ArrayList<>();
    /** The probe answers healthy from this call number on (1-based); 0 = never. */
    private int healthyFromCall;
    private int probeCalls;

    private boolean probe(int port) {
        probeCalls++;
        return healthyFromCall > 0 && probeCalls >= healthyFromCall;
    }

    private HubUnitControl control(ServiceManager manager) {
        return new HubUnitControl(manager, this::probe, timer, progress::add);
    }

    private SystemdManager installedUser() throws Exception {
        Platform p = UnitFixtures.linuxUser(home);
        write(p.userUnitDir().resolve(HubUnit.UNIT_NAME));
        return new SystemdManager(p, runner);
    }

    @Test
    void healthyHubIsAlreadyUpWithNoManagerCall() throws Exception {
        healthyFromCall = 1;
        EnsureResult result = control(installedUser()).ensureUp(PORT);
        assertEquals(EnsureResult.Outcome.ALREADY_UP, result.outcome());
        assertTrue(runner.calls.isEmpty());
    }

    @Test
    void userUnitIsStartedWithUserFlagThenPolledUntilReady() throws Exception {
        healthyFromCall = 4;
        EnsureResult result = control(installedUser()).ensureUp(PORT);
        assertEquals(EnsureResult.Outcome.STARTED, result.outcome());
        assertEquals(List.of("systemctl --user reset-failed parachute-hub.service", "systemctl --user start parachute-hub.service"),
                runner.commandLines());
        assertEquals(List.of("Hub not responding — starting the hub unit via the service manager…"), progress);
        assertEquals(2, timer.sleeps, "250 ms polls between probes 2, 3 and 4");
    }

    @Test
    void restartIsReportedOnlyOnceTheHubAnswers() throws Exception {
        healthyFromCall = 3;
        EnsureResult result = control(installedUser()).restart(PORT);
        assertEquals(EnsureResult.Outcome.STARTED, result.outcome());
        assertEquals(List.of("systemctl --user reset-failed parachute-hub.service", "systemctl --user restart parachute-hub.service"),
                runner.commandLines());
        assertEquals(3, probeCalls, "polled until /health answered");
    }

    @Test
    void aRestartThatNeverAnswersTimesOutWithTheJournal() throws Exception {
        runner.answer("journalctl", 0, "hub died\n", "");
        EnsureResult result = control(installedUser()).restart(PORT);
        assertEquals(EnsureResult.Outcome.TIMEOUT, result.outcome());
        assertEquals("hub unit restarted but did not become ready on 127.0.0.1:1939 within 15s", result.messages().get(0));
        assertTrue(result.messages().contains("hub died"), result.messages().toString());
    }

    @Test
    void rootUnitIsStartedWithoutUserFlag() throws Exception {
        Platform p = UnitFixtures.linuxRoot(home);
        write(p.systemUnitDir().resolve(HubUnit.UNIT_NAME));
        healthyFromCall = 2;
        control(new SystemdManager(p, runner)).ensureUp(PORT);
        assertEquals(List.of("systemctl reset-failed parachute-hub.service", "systemctl start parachute-hub.service"), runner.commandLines());
    }

    @Test
    void launchdIsKickstarted() throws Exception {
        Platform p = UnitFixtures.mac(home);
        write(p.launchAgentsDir().resolve(HubUnit.PLIST_NAME));
        healthyFromCall = 2;
        control(new LaunchdManager(p, runner)).ensureUp(PORT);
        assertEquals(List.of("launchctl kickstart -k gui/501/computer.parachute.hub"), runner.commandLines());
    }

    @Test
    void noUnitFileMeansNoUnitAndNoCalls() throws Exception {
        EnsureResult result = control(new SystemdManager(UnitFixtures.linuxUser(home), runner)).ensureUp(PORT);
        assertEquals(EnsureResult.Outcome.NO_UNIT, result.outcome());
        assertEquals(List.of("no hub unit installed — run `parachute hub install` to install it"), result.messages());
        assertTrue(runner.calls.isEmpty());
    }

    @Test
    void noManagerEvenWithAUnitFile() throws Exception {
        SystemdManager manager = installedUser();
        runner.onPath.clear();
        assertEquals(EnsureResult.Outcome.NO_MANAGER, control(manager).ensureUp(PORT).outcome());
        assertEquals(EnsureResult.Outcome.NO_MANAGER, control(new NoServiceManager()).ensureUp(PORT).outcome());
        assertTrue(runner.calls.isEmpty());
    }

    @Test
    void managerStartFailureCarriesStderrAndTheInstallHint() throws Exception {
        runner.answer("systemctl --user start", 1, "", "Job for parachute-hub.service failed.");
        EnsureResult result = control(installedUser()).ensureUp(PORT);
        assertEquals(EnsureResult.Outcome.START_FAILED, result.outcome());
        assertEquals(List.of("failed to start the hub unit via the service manager (Job for parachute-hub.service "
                + "failed.) — run `parachute hub install` to (re)install it, or `parachute serve` in the foreground"),
                result.messages());
    }

    @Test
    void neverReadyTimesOutAfterFifteenSecondsWithTheJournal() throws Exception {
        runner.answer("journalctl", 0, "java.net.BindException: Address already in use\n", "");
        long start = timer.nanoTime();
        EnsureResult result = control(installedUser()).ensureUp(PORT);
        assertEquals(EnsureResult.Outcome.TIMEOUT, result.outcome());
        assertEquals(List.of("hub unit started but did not become ready on 127.0.0.1:1939 within 15s",
                "Recent hub unit log (journalctl):", "java.net.BindException: Address already in use"),
                result.messages());
        assertEquals(Duration.ofSeconds(15), timer.elapsedSince(start));
        assertEquals("journalctl --user -u parachute-hub.service -n 50 --no-pager", runner.commandLines().get(2));
    }

    @Test
    void readyOnTheFinalProbeStillCountsAsStarted() throws Exception {
        healthyFromCall = 2 + 60; // initial probe, 60 polls at 250 ms inside 15 s, then the last look
        assertEquals(EnsureResult.Outcome.STARTED, control(installedUser()).ensureUp(PORT).outcome());
    }

    @Test
    void installAndStartCapturesACustomHomeAndStarts() throws Exception {
        Platform p = UnitFixtures.linuxUser(home);
        HubUnit unit = HubUnit.forLauncher(UnitFixtures.JAVA, UnitFixtures.LAUNCHER, Path.of("/srv/parachute-alt"),
                PORT, false, "op", UnitFixtures.PATH);
        healthyFromCall = 1;
        EnsureResult result = control(new SystemdManager(p, runner)).installAndStart(unit, PORT);
        assertEquals(EnsureResult.Outcome.STARTED, result.outcome());
        String text = Files.readString(p.userUnitDir().resolve(HubUnit.UNIT_NAME));
        assertTrue(text.contains("Environment=PARACHUTE_HOME=/srv/parachute-alt\n"), text);
        assertTrue(runner.commandLines().contains("systemctl --user enable --now parachute-hub.service"));
    }

    @Test
    void installAndStartOnMacWritesAndBootstraps() throws Exception {
        Platform p = UnitFixtures.mac(home);
        healthyFromCall = 1;
        control(new LaunchdManager(p, runner)).installAndStart(UnitFixtures.userUnit(), PORT);
        assertTrue(Files.exists(p.launchAgentsDir().resolve(HubUnit.PLIST_NAME)));
        assertTrue(runner.commandLines().stream().anyMatch(c -> c.startsWith("launchctl bootstrap gui/501 ")));
    }

    @Test
    void installAndStartWithoutManagerWritesAndRunsNothing() throws Exception {
        EnsureResult result = control(new NoServiceManager()).installAndStart(UnitFixtures.userUnit(), PORT);
        assertEquals(EnsureResult.Outcome.NO_MANAGER, result.outcome());
        assertFalse(Files.exists(home.resolve(".config")));
        assertTrue(runner.calls.isEmpty());
    }

    @Test
    void installAndStartThatNeverBindsTimesOutWithTheLog() throws Exception {
        runner.answer("journalctl", 0, "boom\n", "");
        EnsureResult result = control(new SystemdManager(UnitFixtures.linuxUser(home), runner))
                .installAndStart(UnitFixtures.userUnit(), PORT);
        assertEquals(EnsureResult.Outcome.TIMEOUT, result.outcome());
        assertTrue(result.messages().contains(
                "hub unit installed but did not become ready on 127.0.0.1:1939 within 15s"), result.messages().toString());
        assertTrue(result.messages().contains("boom"));
    }

    private static void write(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }
}

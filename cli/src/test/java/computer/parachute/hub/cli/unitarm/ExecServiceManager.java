package computer.parachute.hub.cli.unitarm;

import computer.parachute.hub.core.testing.ProcessReaper;
import computer.parachute.hub.core.unit.ControlResult;
import computer.parachute.hub.core.unit.HubUnit;
import computer.parachute.hub.core.unit.InstallResult;
import computer.parachute.hub.core.unit.RemoveResult;
import computer.parachute.hub.core.unit.ServiceManager;
import computer.parachute.hub.core.unit.SystemdUnit;
import computer.parachute.hub.core.unit.UnitLocation;
import computer.parachute.hub.core.unit.UnitState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for systemd that really runs the unit it was given: {@code install} writes the rendered unit file and
 * {@code START} executes the unit's own ExecStart with its Environment, so the unit arm drives a real hub through a
 * real unit descriptor. Stop is what systemd does with KillMode=process: SIGTERM to the main process, wait, SIGKILL.
 * The only true fake is that nothing here is systemd (which cannot run in a test).
 */
final class ExecServiceManager implements ServiceManager {
    private static final long STOP_WAIT_SECONDS = 30;

    private final Path unitFile;
    private final Path logFile;
    private final ProcessReaper reaper;
    private final List<String> calls = new ArrayList<>();
    private HubUnit unit;
    private Process hub;

    ExecServiceManager(Path unitFile, Path logFile, ProcessReaper reaper) {
        this.unitFile = unitFile;
        this.logFile = logFile;
        this.reaper = reaper;
    }

    synchronized List<String> calls() { return List.copyOf(calls); }
    synchronized Optional<Process> hub() { return Optional.ofNullable(hub); }

    @Override
    public UnitLocation location() {
        return new UnitLocation(UnitLocation.SYSTEMD, Files.exists(unitFile) ? Optional.of(unitFile) : Optional.empty());
    }

    @Override
    public synchronized InstallResult install(HubUnit hubUnit, boolean start) {
        calls.add("install start=" + start);
        try {
            Files.createDirectories(unitFile.getParent());
            Files.writeString(unitFile, SystemdUnit.render(hubUnit));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        this.unit = hubUnit;
        if (start) {
            control(Action.START);
        }
        return new InstallResult(InstallResult.Outcome.INSTALLED, UnitLocation.SYSTEMD, Optional.of(unitFile),
                List.of("Installed systemd user unit parachute-hub.service (test stand-in)."));
    }

    @Override
    public synchronized RemoveResult remove() {
        calls.add("remove");
        stopHub();
        try {
            Files.deleteIfExists(unitFile);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new RemoveResult(true, List.of("removed " + unitFile));
    }

    @Override
    public synchronized ControlResult control(Action action) {
        calls.add(action.name());
        switch (action) {
            case START -> startHub();
            case STOP -> stopHub();
            case RESTART -> {
                stopHub();
                startHub();
            }
        }
        return new ControlResult(ControlResult.Status.OK, "", List.of());
    }

    @Override
    public synchronized UnitState state() {
        return new UnitState(hub != null && hub.isAlive() ? UnitState.Status.ACTIVE : UnitState.Status.INACTIVE, "");
    }

    /** Exit code of the last hub process, once it has exited. */
    synchronized int stopHubAndExitCode() {
        Process last = hub;
        stopHub();
        return last == null ? -1 : last.exitValue();
    }

    private void startHub() {
        if (hub != null && hub.isAlive()) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(unit.execStart()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().clear(); // systemd starts units with only what the unit sets
        builder.environment().putAll(unit.env());
        try {
            hub = reaper.track(builder.start());
        } catch (IOException e) {
            throw new AssertionError("the unit's ExecStart did not start: " + e.getMessage(), e);
        }
    }

    private void stopHub() {
        if (hub == null || !hub.isAlive()) {
            return;
        }
        hub.destroy(); // SIGTERM to the main process, as KillMode=process does
        try {
            if (!hub.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                hub.destroyForcibly().waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package computer.parachute.hub.core.unit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Gets a unit-managed hub answering on its port (reference §5.4): start it through the service
 * manager when it is down, then wait for readiness with a deadline, and explain a failure with the
 * unit's own log.
 */
public final class HubUnitControl {

    /** Reference §5.4: how long a freshly started JVM hub may take to bind. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);
    static final int LOG_TAIL_LINES = 50;

    private final ServiceManager manager;
    private final UnitLog unitLog;
    private final HealthProbe probe;
    private final PollTimer timer;
    private final Consumer<String> progress;
    private final Duration readyTimeout;
    private final Duration pollInterval;

    /** With the default 15 s deadline and 250 ms poll. */
    public HubUnitControl(ServiceManager manager, HealthProbe probe, PollTimer timer, Consumer<String> progress) {
        this(manager, ServiceManagers.logOf(manager), probe, timer, progress,
                DEFAULT_READY_TIMEOUT, DEFAULT_POLL_INTERVAL);
    }

    /**
     * @param progress receives a line before a slow step (starting the unit), for the CLI to show
     */
    public HubUnitControl(ServiceManager manager, UnitLog unitLog, HealthProbe probe, PollTimer timer,
                          Consumer<String> progress, Duration readyTimeout, Duration pollInterval) {
        this.manager = manager;
        this.unitLog = unitLog;
        this.probe = probe;
        this.timer = timer;
        this.progress = progress;
        this.readyTimeout = readyTimeout;
        this.pollInterval = pollInterval;
    }

    /** Makes sure the hub answers on {@code port}, starting the installed unit if needed. */
    public EnsureResult ensureUp(int port) throws InterruptedException {
        if (probe.healthy(port)) {
            return new EnsureResult(EnsureResult.Outcome.ALREADY_UP, port, List.of());
        }
        if (manager.kind().equals(UnitLocation.NONE)) {
            return new EnsureResult(EnsureResult.Outcome.NO_MANAGER, port, List.of(UnitMessages.NO_MANAGER));
        }
        if (!manager.unitInstalled()) {
            return new EnsureResult(EnsureResult.Outcome.NO_UNIT, port, List.of(UnitMessages.NO_UNIT));
        }
        progress.accept(UnitMessages.STARTING);
        ControlResult start = manager.control(ServiceManager.Action.START);
        switch (start.status()) {
            case OK:
                return awaitReady(port, "started");
            case NO_MANAGER:
                return new EnsureResult(EnsureResult.Outcome.NO_MANAGER, port, start.messages());
            case NO_UNIT:
                return new EnsureResult(EnsureResult.Outcome.NO_UNIT, port, start.messages());
            default:
                return new EnsureResult(EnsureResult.Outcome.START_FAILED, port, start.messages().isEmpty()
                        ? List.of(UnitMessages.startFailed(start.detail())) : start.messages());
        }
    }

    /**
     * Restarts the installed unit and waits for the hub to answer like {@link #ensureUp} does, so "restarted" is
     * said only of a hub that serves (a {@code status} right after must not find it failing).
     */
    public EnsureResult restart(int port) throws InterruptedException {
        ControlResult restart = manager.control(ServiceManager.Action.RESTART);
        if (!restart.ok()) {
            return new EnsureResult(EnsureResult.Outcome.START_FAILED, port, restart.messages().isEmpty()
                    ? List.of(UnitMessages.startFailed(restart.detail())) : restart.messages());
        }
        return awaitReady(port, "restarted");
    }

    /** Installs {@code unit} with start, then waits for it like {@link #ensureUp} (used by {@code hub install}). */
    public EnsureResult installAndStart(HubUnit unit, int port) throws InterruptedException {
        if (manager.kind().equals(UnitLocation.NONE)) {
            return new EnsureResult(EnsureResult.Outcome.NO_MANAGER, port, List.of(UnitMessages.NO_MANAGER));
        }
        InstallResult installed = manager.install(unit, true);
        if (installed.outcome() == InstallResult.Outcome.FALLBACK) {
            return new EnsureResult(EnsureResult.Outcome.NO_MANAGER, port, installed.messages());
        }
        EnsureResult ready = awaitReady(port, "installed");
        List<String> messages = new ArrayList<>(installed.messages());
        messages.addAll(ready.messages());
        return new EnsureResult(ready.outcome(), port, messages);
    }

    /** Polls until the hub answers or the deadline passes; the deadline is measured from one start stamp. */
    private EnsureResult awaitReady(int port, String what) throws InterruptedException {
        long start = timer.nanoTime();
        long budgetNanos = readyTimeout.toNanos();
        while (timer.nanoTime() - start < budgetNanos) {
            if (probe.healthy(port)) {
                return new EnsureResult(EnsureResult.Outcome.STARTED, port, List.of());
            }
            long leftNanos = budgetNanos - (timer.nanoTime() - start);
            timer.sleep(Duration.ofNanos(Math.max(0, Math.min(pollInterval.toNanos(), leftNanos))));
        }
        if (probe.healthy(port)) { // one last look: it may have bound during the final sleep
            return new EnsureResult(EnsureResult.Outcome.STARTED, port, List.of());
        }
        List<String> messages = new ArrayList<>();
        messages.add(UnitMessages.notReady(what, port, readyTimeout.toSeconds()));
        messages.addAll(unitLog.recent(LOG_TAIL_LINES));
        return new EnsureResult(EnsureResult.Outcome.TIMEOUT, port, messages);
    }
}

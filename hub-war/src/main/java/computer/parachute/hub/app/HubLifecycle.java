package computer.parachute.hub.app;

import computer.parachute.hub.core.config.HubConfig;
import computer.parachute.hub.core.db.HubDatabase;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.net.ProcPortOwnerLookup;
import computer.parachute.hub.core.net.TcpPortProbe;
import computer.parachute.hub.core.process.JdkProcessTable;
import computer.parachute.hub.core.time.MonotonicClock;
import computer.parachute.hub.core.token.OperatorTokenBootstrap;
import computer.parachute.hub.core.token.TokenServices;
import computer.parachute.hub.core.config.HubVersion;
import computer.parachute.hub.metrics.HubMetrics;
import computer.parachute.hub.modules.HubBoot;
import computer.parachute.hub.modules.RegistryRescan;
import computer.parachute.hub.modules.SpawnRequestFactory;
import computer.parachute.hub.supervisor.ChildRecords;
import computer.parachute.hub.supervisor.ExecutorScheduler;
import computer.parachute.hub.supervisor.KillCommandSignals;
import computer.parachute.hub.supervisor.SetsidProcessLauncher;
import computer.parachute.hub.supervisor.SpawnRequests;
import computer.parachute.hub.supervisor.StdoutHubOutput;
import computer.parachute.hub.supervisor.Supervisor;
import computer.parachute.hub.supervisor.SupervisorSeams;
import computer.parachute.hub.supervisor.SupervisorSettings;
import computer.parachute.hub.core.process.ToolPath;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * What the hub owns while it runs, started and stopped as a unit (STYLE rule 9): hub.db, the operator token, the
 * Supervisor and its boot. {@link #start} runs when the servlet context starts, before the app takes traffic (the
 * launcher has bound the port already); {@link #stop} when it is destroyed, in DESIGN §5 order: modules, then (Jetty
 * has stopped serving by then) the DB. The launcher calls {@link #stopModules} before it stops Jetty so that,
 * embedded, the order is exactly modules → Jetty → DB. This is the WAR's production wiring of its seams.
 */
public final class HubLifecycle {
    private static final Logger LOG = Logger.getLogger(HubLifecycle.class.getName());
    /** How often services.json is checked for removed rows (a stat call when nothing changed). */
    static final Duration RESCAN_INTERVAL = Duration.ofSeconds(2);
    private static final long RESCAN_STOP_SECONDS = 2;

    private final HubConfig config;
    private final HubInstance instance;
    private final HubDatabase database;
    private final TokenServices tokens;
    private final Supervisor supervisor;
    private final ExecutorScheduler supervisorScheduler;
    private final ServicesRegistry registry;
    private final SpawnRequestFactory requests;
    private final HubBoot boot;
    private final ScheduledExecutorService rescanner;
    private final HubMetrics metrics;
    private final Consumer<String> heartbeat;
    private boolean modulesStopped;
    private boolean stopped;

    private HubLifecycle(HubConfig config, Clock clock, HubInstance instance, HubDatabase database, boolean withMetrics,
                         Consumer<String> heartbeat) {
        this.config = config;
        this.heartbeat = heartbeat;
        this.instance = instance;
        this.database = database;
        this.tokens = TokenServices.over(database, clock);
        this.supervisorScheduler = new ExecutorScheduler();
        SupervisorSeams seams = new SupervisorSeams(new SetsidProcessLauncher(), new KillCommandSignals(), new TcpPortProbe(),
                new ProcPortOwnerLookup(), new JdkProcessTable(), supervisorScheduler, MonotonicClock.SYSTEM, clock,
                new StdoutHubOutput());
        this.supervisor = new Supervisor(SupervisorSettings.defaults(), seams, new ChildRecords(database.dataSource()), config.home());
        this.registry = new ServicesRegistry(config.home().servicesJson());
        this.requests = new SpawnRequestFactory(config.home(), new SpawnRequests(ToolPath.ofThisProcess()), hubOrigin());
        this.boot = new HubBoot(registry, supervisor, requests);
        // before boot, so the metrics see every module event from the first spawn
        this.metrics = withMetrics ? new HubMetrics(supervisor, HubVersion.current(), instance.startedAt(), clock) : null;
        this.rescanner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "registry-rescan");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens (and migrates) hub.db, makes sure an operator token exists (a fresh install works without a manual step),
     * then boots the modules in the background. A throw here aborts the context start: the hub never serves half-booted.
     */
    public static HubLifecycle start(HubConfig config, Clock clock) throws SQLException {
        return start(config, clock, true, status -> { });
    }

    /**
     * As {@link #start(HubConfig, Clock)}; {@code withMetrics} false builds no metrics at all (see MetricsSwitch);
     * {@code heartbeat} gets the supervisor loop's status line after every pass (see SupervisorLoop).
     */
    public static HubLifecycle start(HubConfig config, Clock clock, boolean withMetrics, Consumer<String> heartbeat)
            throws SQLException {
        HubInstance instance = new HubInstance(config.instanceId(), clock.instant());
        HubDatabase database = HubDatabase.open(config.home().hubDb());
        HubLifecycle lifecycle;
        try {
            lifecycle = new HubLifecycle(config, clock, instance, database, withMetrics, heartbeat);
            lifecycle.ensureOperatorToken();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        HubMetrics metrics = lifecycle.metrics;
        lifecycle.boot.startInBackground().whenComplete((decisions, error) -> {
            if (metrics != null) {
                metrics.bootFinished(Duration.between(instance.startedAt(), clock.instant()));
            }
        });
        SupervisorLoop loop = new SupervisorLoop(new RegistryRescan(lifecycle.registry, lifecycle.supervisor),
                lifecycle.supervisor, lifecycle.heartbeat);
        lifecycle.rescanner.scheduleWithFixedDelay(loop, RESCAN_INTERVAL.toMillis(), RESCAN_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "hub started: PARACHUTE_HOME=" + config.home() + ", db=" + database.file() + ", instance=" + instance.id());
        return lifecycle;
    }

    private void ensureOperatorToken() {
        try {
            OperatorTokenBootstrap.ensure(config.home(), database, hubOrigin()).ifPresent(minted ->
                    LOG.info(() -> "minted an operator token at " + config.home().operatorToken() + " (mode 0600)"));
        } catch (IOException | RuntimeException e) {
            // a hub without a token still supervises; the CLI explains how to mint one
            LOG.warning(() -> "could not write an operator token to " + config.home().operatorToken() + ": " + e.getMessage());
        }
    }

    /** The origin modules are told ({@code PARACHUTE_HUB_ORIGIN}) and tokens are minted for. */
    String hubOrigin() {
        return config.hubOrigin().orElse(config.loopbackOrigin());
    }

    /** Stops every module (idempotent). Runs on its own from the launcher before Jetty stops, and again from stop(). */
    public synchronized void stopModules() {
        if (modulesStopped) {
            return;
        }
        modulesStopped = true;
        rescanner.shutdownNow();
        try {
            rescanner.awaitTermination(RESCAN_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (metrics != null) {
            metrics.close();
        }
        supervisor.shutdown(); // refuses new starts (a boot in flight ends), stops all modules concurrently
        supervisorScheduler.close();
    }

    /** Modules, then the DB; idempotent, and the final state is logged whatever happens. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            stopModules();
        } finally {
            database.close();
            LOG.info(() -> "hub stopped: modules stopped, " + database.file() + " closed, instance=" + instance.id());
        }
    }

    public HubConfig config() { return config; }
    public HubInstance instance() { return instance; }
    public HubDatabase database() { return database; }
    public TokenServices tokens() { return tokens; }
    public Supervisor supervisor() { return supervisor; }
    public ServicesRegistry registry() { return registry; }
    public SpawnRequestFactory requests() { return requests; }
    public HubBoot boot() { return boot; }
    public Optional<HubMetrics> metrics() { return Optional.ofNullable(metrics); }
}

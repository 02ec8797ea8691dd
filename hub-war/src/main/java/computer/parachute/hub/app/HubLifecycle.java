package computer.parachute.hub.app;

import computer.parachute.hub.api.HealthCheck;
import computer.parachute.hub.core.config.HubConfig;
import computer.parachute.hub.core.config.StartupTrace;
import computer.parachute.hub.core.config.HubVersion;
import computer.parachute.hub.core.session.DashboardSessions;
import computer.parachute.hub.core.session.LoginCodes;
import computer.parachute.hub.core.session.SessionPolicy;
import computer.parachute.hub.modules.ModuleOperations;
import computer.parachute.hub.web.DashboardView;
import computer.parachute.hub.web.EventStreams;
import computer.parachute.hub.core.db.HubDatabase;
import computer.parachute.hub.core.home.StrictModes;
import computer.parachute.hub.core.home.UnsafeHomeException;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.net.ProcPortOwnerLookup;
import computer.parachute.hub.core.net.TcpPortProbe;
import computer.parachute.hub.core.process.JdkProcessTable;
import computer.parachute.hub.core.time.MonotonicClock;
import computer.parachute.hub.core.token.HubOrigins;
import computer.parachute.hub.core.token.OperatorTokenBootstrap;
import computer.parachute.hub.core.token.TokenServices;
import computer.parachute.hub.metrics.HubMetrics;
import computer.parachute.hub.modules.HubBoot;
import computer.parachute.hub.modules.RegistryRescan;
import computer.parachute.hub.proxy.ModuleRouter;
import computer.parachute.hub.supervisor.ChildRecords;
import computer.parachute.hub.supervisor.ExecutorScheduler;
import computer.parachute.hub.supervisor.HandleSignals;
import computer.parachute.hub.supervisor.NamedThreads;
import computer.parachute.hub.supervisor.ProcProcessTree;
import computer.parachute.hub.supervisor.ModuleState;
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
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
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
    /** How often the front door checks services.json for new, removed or re-pathed modules (routing within 2 s). */
    static final Duration ROUTES_INTERVAL = Duration.ofMillis(500);

    private final HubConfig config;
    private final ServedPort servedPort;
    /** {@link #acceptedIssuers()} for the port it was worked out for. */
    private volatile IssuersForPort issuersForPort;
    private final HealthCheck healthCheck;
    private final HubInstance instance;
    private final HubDatabase database;
    private final TokenServices tokens;
    private final Supervisor supervisor;
    private final ExecutorScheduler supervisorScheduler;
    private final ServicesRegistry registry;
    private final SpawnRequests requests;
    private final HubBoot boot;
    private final ModuleRouter router;
    private final ScheduledExecutorService rescanner;
    private final DashboardSessions sessions;
    private final LoginCodes loginCodes;
    private final ModuleOperations modules;
    private final DashboardView dashboardView;
    private final EventStreams eventStreams;
    private final HubMetrics metrics;
    private final Consumer<String> heartbeat;
    private final Clock clock;
    private boolean bootStarted;
    private boolean modulesStopped;
    private boolean stopped;

    private HubLifecycle(HubConfig config, ServedPort servedPort, Clock clock, HubInstance instance, HubDatabase database,
                         boolean withMetrics, Consumer<String> heartbeat) {
        this.config = config;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.servedPort = servedPort;
        this.instance = instance;
        this.database = database;
        this.tokens = TokenServices.over(database, clock);
        this.supervisorScheduler = new ExecutorScheduler();
        JdkProcessTable processTable = new JdkProcessTable();
        ProcProcessTree processTree = new ProcProcessTree(processTable);
        SupervisorSeams seams = new SupervisorSeams(new SetsidProcessLauncher(), new HandleSignals(processTree),
                processTree, new TcpPortProbe(), new ProcPortOwnerLookup(), processTable,
                supervisorScheduler, MonotonicClock.SYSTEM, clock, new StdoutHubOutput());
        this.supervisor = new Supervisor(SupervisorSettings.defaults(), seams, new ChildRecords(database.dataSource()), config.home());
        this.registry = new ServicesRegistry(config.home().servicesJson());
        this.requests = new SpawnRequests(ToolPath.ofThisProcess(), config.home(), () -> hubOrigin().orElse(null),
                () -> servedPort.get().orElse(0));
        this.boot = new HubBoot(registry, supervisor, requests);
        // before boot, so the metrics see every module event from the first spawn
        this.metrics = withMetrics ? new HubMetrics(supervisor, HubVersion.current(), instance.startedAt(), clock) : null;
        this.router = new ModuleRouter(registry);
        this.rescanner = NamedThreads.singleScheduled("registry-rescan");
        SessionPolicy policy = SessionPolicy.fromSystemProperties();
        this.sessions = new DashboardSessions(database, clock, policy);
        this.loginCodes = new LoginCodes(database, clock, policy);
        this.modules = new ModuleOperations(registry, supervisor, requests);
        this.healthCheck = new HealthCheck(database, instance, servedPort::get, HubVersion.current());
        this.dashboardView = new DashboardView(modules, registry, supervisor, healthCheck, instance, config, HubVersion.current());
        this.eventStreams = new EventStreams(supervisor, dashboardView, sessions, registry.file());
    }

    /**
     * Opens (and migrates) hub.db and makes sure an operator token exists (a fresh install works without a manual step);
     * the modules boot when {@link #bootModules} is called. A throw here aborts the context start: the hub never serves
     * half-booted.
     */
    public static HubLifecycle start(HubConfig config, ServedPort servedPort, Clock clock) throws SQLException {
        return start(config, servedPort, clock, true, status -> { });
    }

    /**
     * As {@link #start(HubConfig, ServedPort, Clock)}; {@code withMetrics} false builds no metrics at all (see
     * MetricsSwitch); {@code heartbeat} gets the supervisor loop's status line after every pass (see SupervisorLoop).
     */
    public static HubLifecycle start(HubConfig config, ServedPort servedPort, Clock clock, boolean withMetrics,
                                     Consumer<String> heartbeat) throws SQLException {
        enforceStrictModes(config);
        HubInstance instance = new HubInstance(config.instanceId(), clock.instant());
        HubDatabase database = HubDatabase.open(config.home().hubDb());
        StartupTrace.mark("hub.db opened and migrated");
        HubLifecycle lifecycle;
        try {
            lifecycle = new HubLifecycle(config, servedPort, clock, instance, database, withMetrics, heartbeat);
            StartupTrace.mark("supervisor built");
            lifecycle.ensureOperatorTokenOnceOriginKnown();
            StartupTrace.mark("signing key and operator token");
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        SupervisorLoop loop = new SupervisorLoop(new RegistryRescan(lifecycle.registry, lifecycle.supervisor),
                lifecycle.supervisor, lifecycle.heartbeat);
        lifecycle.rescanner.scheduleWithFixedDelay(loop, RESCAN_INTERVAL.toMillis(), RESCAN_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        lifecycle.startRouting();
        LOG.info(() -> "hub started: PARACHUTE_HOME=" + config.home() + ", db=" + database.file() + ", instance=" + instance.id()
                + ", port=" + (servedPort.isKnown() ? servedPort.get().getAsInt()
                : "not known yet (no PORT given): learned from the first request; until then modules start without "
                        + SpawnRequests.HUB_ORIGIN + " and the operator token waits"));
        return lifecycle;
    }

    /**
     * Boots the modules in the background, once (later calls do nothing). Called when the API answers, not by
     * {@link #start}: on a 2-core machine twenty module interpreters starting alongside Jersey's init, or alongside
     * the first request's cold path, delayed the first answer by 200-400 ms, and nothing the API answers needs a
     * module running ({@code /api/ready} reports the boot as it goes). The launcher calls it once its own
     * {@code /health} answered; in a stock container {@link ModuleBootOnStartup} does when Jersey is up.
     */
    public synchronized void bootModules() {
        if (bootStarted || modulesStopped) {
            return;
        }
        bootStarted = true;
        boot.startInBackground().whenComplete((decisions, error) -> {
            if (metrics != null) {
                metrics.bootFinished(Duration.between(instance.startedAt(), clock.instant()));
            }
        });
    }

    /**
     * Routes are read once now (the first request already has them), then polled; a module that starts also nudges a
     * re-read, so an install followed by a start is routed at once (handed off: event listeners must not block).
     */
    private void startRouting() {
        router.run();
        rescanner.scheduleWithFixedDelay(router, ROUTES_INTERVAL.toMillis(), ROUTES_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        supervisor.events().subscribe(change -> {
            if (change.is(ModuleState.STARTING)) {
                try {
                    rescanner.execute(router);
                } catch (RejectedExecutionException stopping) {
                    // the hub is stopping: no routes to refresh
                }
            }
        });
    }

    /** A standalone container refuses an unsafe home too (the launcher has already checked when it runs the WAR). */
    private static void enforceStrictModes(HubConfig config) {
        try {
            StrictModes.Report report = StrictModes.enforce(config.home());
            report.fixed().forEach(line -> LOG.info(line));
            report.warnings().forEach(line -> LOG.warning(line));
        } catch (UnsafeHomeException e) {
            LOG.severe(e.getMessage());
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot use PARACHUTE_HOME " + config.home() + " (" + e.getMessage() + ")", e);
        }
    }

    /** The first token's issuer must be an origin this hub answers on: wait for the port unless an origin is set. */
    private void ensureOperatorTokenOnceOriginKnown() {
        if (config.hubOrigin().isPresent()) {
            ensureOperatorToken(config.hubOrigin().get());
        } else {
            servedPort.whenKnown(port -> ensureOperatorToken(HubOrigins.loopbackIssuer(port)));
        }
    }

    private void ensureOperatorToken(String issuer) {
        try {
            OperatorTokenBootstrap.ensure(config.home(), database, issuer).ifPresent(minted ->
                    LOG.info(() -> "minted an operator token at " + config.home().operatorToken() + " (mode 0600)"));
        } catch (IOException | RuntimeException e) {
            // a hub without a token still supervises; the CLI explains how to mint one
            LOG.warning(() -> "could not write an operator token to " + config.home().operatorToken() + ": " + e.getMessage());
        }
    }

    /** The origin modules are told ({@code PARACHUTE_HUB_ORIGIN}); empty while neither it nor the port is known. */
    Optional<String> hubOrigin() {
        return config.hubOrigin().or(() -> servedPort.get().stream().mapToObj(HubOrigins::loopbackIssuer).findFirst());
    }

    /** The issuers operator tokens may carry: the loopback aliases of the served port (once known) and the origin. */
    public Set<String> acceptedIssuers() {
        OptionalInt port = servedPort.get();
        if (port.isEmpty()) {
            return config.hubOrigin().map(Set::of).orElse(Set.of());
        }
        // asked on every authenticated request; the answer changes only with the port, which is learned once
        IssuersForPort known = issuersForPort;
        if (known == null || known.port() != port.getAsInt()) {
            known = new IssuersForPort(port.getAsInt(), HubOrigins.acceptedIssuers(port.getAsInt(), config.hubOrigin()));
            issuersForPort = known;
        }
        return known.issuers();
    }

    private record IssuersForPort(int port, Set<String> issuers) {}

    /** Stops every module (idempotent). Runs on its own from the launcher before Jetty stops, and again from stop(). */
    public synchronized void stopModules() {
        if (modulesStopped) {
            return;
        }
        modulesStopped = true;
        eventStreams.close(); // pages see their stream end and show "reconnecting" while the hub is away
        NamedThreads.shutdown(rescanner, RESCAN_STOP_SECONDS);
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
    public ServedPort servedPort() { return servedPort; }
    public HealthCheck healthCheck() { return healthCheck; }
    public HubInstance instance() { return instance; }
    public HubDatabase database() { return database; }
    public TokenServices tokens() { return tokens; }
    public Supervisor supervisor() { return supervisor; }
    public ServicesRegistry registry() { return registry; }
    public SpawnRequests requests() { return requests; }
    public HubBoot boot() { return boot; }
    public ModuleRouter router() { return router; }
    public DashboardSessions sessions() { return sessions; }
    public LoginCodes loginCodes() { return loginCodes; }
    public ModuleOperations modules() { return modules; }
    public DashboardView dashboardView() { return dashboardView; }
    public EventStreams eventStreams() { return eventStreams; }
    public Optional<HubMetrics> metrics() { return Optional.ofNullable(metrics); }
}

package computer.parachute.hub.app;

import computer.parachute.hub.core.config.HubConfig;
import computer.parachute.hub.core.db.HubDatabase;

import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * What the hub owns while it runs, started and stopped as a unit (STYLE rule 9): hub.db and (once wired) the
 * Supervisor. {@link #start} runs when the servlet context starts, before the app takes traffic; {@link #stop} when it
 * is destroyed, in DESIGN §5 order: modules, then (Jetty has stopped serving by then) the DB. The launcher calls
 * {@link #stopModules} before it stops Jetty so that, embedded, the order is exactly modules → Jetty → DB.
 */
public final class HubLifecycle {
    private static final Logger LOG = Logger.getLogger(HubLifecycle.class.getName());

    private final HubConfig config;
    private final HubInstance instance;
    private final HubDatabase database;
    // SUPERVISOR HOOK (lead, on merge): a final field `private final Supervisor supervisor;`, constructed in start()
    // after the DB opens, started there (boot modules concurrently, reaping orphans recorded in hub.db), stopped in
    // stopModules(). HubBinder binds it from supervisor().
    private boolean modulesStopped;
    private boolean stopped;

    private HubLifecycle(HubConfig config, HubInstance instance, HubDatabase database) {
        this.config = config;
        this.instance = instance;
        this.database = database;
    }

    /** Opens (and migrates) hub.db; a throw here aborts the context start, so the hub never serves half-booted. */
    public static HubLifecycle start(HubConfig config, Clock clock) throws SQLException {
        HubInstance instance = new HubInstance(config.instanceId(), clock.instant());
        HubDatabase database = HubDatabase.open(config.home().hubDb());
        HubLifecycle lifecycle = new HubLifecycle(config, instance, database);
        // SUPERVISOR HOOK: supervisor.start() here — it must not block the context start for longer than the
        // modules' readiness gate (DESIGN §5: boot all modules concurrently).
        LOG.info(() -> "hub started: PARACHUTE_HOME=" + config.home() + ", db=" + database.file()
                + ", instance=" + instance.id());
        return lifecycle;
    }

    /** Stops every module (idempotent). Runs on its own from the launcher before Jetty stops, and again from stop(). */
    public synchronized void stopModules() {
        if (modulesStopped) {
            return;
        }
        modulesStopped = true;
        // SUPERVISOR HOOK: supervisor.stopAll() here — all modules concurrently, each bounded by the 5 s stop grace.
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
}

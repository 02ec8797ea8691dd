package computer.parachute.hub.metrics;

import computer.parachute.hub.supervisor.ModuleSnapshot;
import computer.parachute.hub.supervisor.ModuleState;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Per-module metrics (issue 12). Counters and the spawn-to-ready histogram move on the supervisor's change events
 * ({@link #accept}: the previous snapshot of the module tells what changed); the gauges are computed at scrape time
 * from the latest snapshot each event left here, so a scrape never takes a supervisor lock.
 * <ul>
 *   <li>a crash is an exit the supervisor did not ask for: running → restarting or crashed;</li>
 *   <li>a restart is a respawn after a crash: restarting → starting;</li>
 *   <li>every exit of a running child is counted by code, or by signal when the JDK reports 128+N (what
 *       {@code Process.exitValue()} gives for a child killed by signal N);</li>
 *   <li>spawn to ready: from the spawn instant in the snapshot to the event that first shows the port bound.</li>
 * </ul>
 * Exemplars are off: there are no traces to link, and the client's exemplar sampler starts a static scheduler thread
 * that would outlive an undeployed WAR (Tomcat reports it, and it pins the class loader).
 */
final class ModuleMetrics implements Consumer<ModuleSnapshot> {
    private static final int SIGNAL_BASE = 128;
    private static final int MAX_SIGNAL = 64;
    private static final double[] READY_BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60};

    private final Map<String, ModuleSnapshot> latest = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Counter crashes;
    private final Counter restarts;
    private final Counter exits;
    private final Histogram spawnToReady;

    ModuleMetrics(PrometheusRegistry registry, Clock clock, ScrapeProcessTable processes,
                  Function<String, OptionalLong> logBytes) {
        this.clock = clock;
        crashes = Counter.builder().withoutExemplars().name("parachute_module_crashes_total")
                .help("Exits of a module's child that the supervisor did not request")
                .labelNames("module").register(registry);
        restarts = Counter.builder().withoutExemplars().name("parachute_module_restarts_total")
                .help("Respawns of a module after a crash").labelNames("module").register(registry);
        exits = Counter.builder().withoutExemplars().name("parachute_module_exits_total")
                .help("Exits of a module's child by exit code, or by signal name when killed by a signal")
                .labelNames("module", "code", "signal").register(registry);
        spawnToReady = Histogram.builder().withoutExemplars().name("parachute_module_spawn_to_ready_seconds")
                .help("Time from spawning a module's child to its port accepting connections")
                .unit(Unit.SECONDS).classicOnly().classicUpperBounds(READY_BUCKETS)
                .labelNames("module").register(registry);
        GaugeWithCallback.builder().name("parachute_module_up")
                .help("1 when the module is running and its port accepts connections, else 0")
                .labelNames("module")
                .callback(out -> latest.values().forEach(s -> out.call(up(s) ? 1 : 0, s.shortName())))
                .register(registry);
        GaugeWithCallback.builder().name("parachute_module_state")
                .help("1 for the module's current supervisor state, 0 for the others")
                .labelNames("module", "state")
                .callback(out -> latest.values().forEach(s -> {
                    for (ModuleState state : ModuleState.values()) {
                        out.call(s.is(state) ? 1 : 0, s.shortName(), state.wireName());
                    }
                }))
                .register(registry);
        CounterWithCallback.builder().name("parachute_module_cpu_seconds_total")
                .help("CPU time (user + system) of the module's live processes, from /proc")
                .labelNames("module")
                .callback(out -> eachLive(processes, (s, pids) -> out.call(processes.table().cpuSeconds(pids), s.shortName())))
                .register(registry);
        GaugeWithCallback.builder().name("parachute_module_resident_memory_bytes")
                .help("Resident memory (VmRSS) summed over the module's live processes, from /proc")
                .labelNames("module")
                .callback(out -> eachLive(processes, (s, pids) -> out.call(processes.table().rssBytes(pids), s.shortName())))
                .register(registry);
        CounterWithCallback.builder().name("parachute_module_log_bytes_total")
                .help("Bytes the hub wrote to the module's log file since the hub started")
                .labelNames("module")
                .callback(out -> latest.keySet().forEach(module ->
                        logBytes.apply(module).ifPresent(bytes -> out.call(bytes, module))))
                .register(registry);
    }

    /** A supervisor change (on the supervisor's thread, under the module lock): only atomic updates here. */
    @Override
    public void accept(ModuleSnapshot now) {
        String module = now.shortName();
        // one module's events arrive in order under its lock; the gauges see the new snapshot only after the
        // counters moved, so a scrape that shows the module up already counts its spawn-to-ready
        ModuleSnapshot before = latest.get(module);
        if (before == null) { // every module's series exist from its first event, at 0
            crashes.labelValues(module);
            restarts.labelValues(module);
        }
        if (before != null && before.is(ModuleState.RUNNING) && !now.is(ModuleState.RUNNING)) {
            exited(now);
            if (now.is(ModuleState.RESTARTING) || now.is(ModuleState.CRASHED)) {
                crashes.labelValues(module).inc();
            }
        }
        if (before != null && before.is(ModuleState.RESTARTING) && now.is(ModuleState.STARTING)) {
            restarts.labelValues(module).inc();
        }
        boolean becameReady = now.ready() && (before == null || !before.ready() || !samePid(before, now));
        if (becameReady && now.startedAt() != null) {
            double seconds = Duration.between(now.startedAt(), clock.instant()).toNanos() / 1e9;
            spawnToReady.labelValues(module).observe(Math.max(0, seconds));
        }
        latest.put(module, now);
    }

    private void exited(ModuleSnapshot now) {
        Integer code = now.lastExitCode();
        if (code == null) {
            return;
        }
        if (code > SIGNAL_BASE && code <= SIGNAL_BASE + MAX_SIGNAL) {
            exits.labelValues(now.shortName(), "", SignalNames.of(code - SIGNAL_BASE)).inc();
        } else {
            exits.labelValues(now.shortName(), Integer.toString(code), "").inc();
        }
    }

    private static boolean samePid(ModuleSnapshot a, ModuleSnapshot b) {
        return a.pid() != null && a.pid().equals(b.pid());
    }

    private static boolean up(ModuleSnapshot snapshot) {
        return snapshot.is(ModuleState.RUNNING) && snapshot.ready();
    }

    private void eachLive(ScrapeProcessTable processes, java.util.function.BiConsumer<ModuleSnapshot, Set<Long>> out) {
        for (ModuleSnapshot snapshot : latest.values()) {
            if (snapshot.pid() != null) {
                out.accept(snapshot, processes.table().tree(snapshot.pid()));
            }
        }
    }
}

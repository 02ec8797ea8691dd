package computer.parachute.hub.metrics;

import computer.parachute.hub.supervisor.Supervisor;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hub's metrics (DESIGN §13, issue 12), in a registry of its own rather than the client's process-wide default,
 * so two hubs in one JVM (tests, a redeploy) never collide and an undeployed hub leaves nothing registered. Built
 * before the modules boot so its {@link ModuleMetrics} sees every module event from the first.
 */
public final class HubMetrics implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HubMetrics.class.getName());

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final AutoCloseable subscription;
    private final ApiRequestMetrics api;
    private final AtomicReference<Duration> bootDuration = new AtomicReference<>();
    private final Object jvmLock = new Object();
    private volatile boolean jvmRegistered;

    public HubMetrics(Supervisor supervisor, String version, Instant startedAt, Clock clock) {
        Info.builder().name("parachute_hub_build_info").help("The hub's version")
                .labelNames("version").register(registry).setLabelValues(version);
        GaugeWithCallback.builder().name("parachute_hub_uptime_seconds").help("Seconds since the hub started")
                .unit(Unit.SECONDS)
                .callback(out -> out.call(Duration.between(startedAt, clock.instant()).toMillis() / 1000.0))
                .register(registry);
        GaugeWithCallback.builder().name("parachute_hub_boot_duration_seconds")
                .help("Seconds from hub start until every installed module had been started (absent while booting)")
                .unit(Unit.SECONDS)
                .callback(out -> {
                    Duration boot = bootDuration.get();
                    if (boot != null) {
                        out.call(boot.toMillis() / 1000.0);
                    }
                })
                .register(registry);
        ModuleMetrics modules = new ModuleMetrics(registry, clock,
                new ScrapeProcessTable(ProcessTreeUsage.system(), System::nanoTime), supervisor::logBytesWritten);
        supervisor.list().forEach(modules); // none yet at boot; kept so a late construction misses nothing
        this.subscription = supervisor.events().subscribe(modules);
        this.api = new ApiRequestMetrics(registry);
    }

    /**
     * The JVM collectors touch every platform MXBean (0.15-0.8 s on a busy 2-core box) and load ~140 management and
     * collector classes: registered by the first scrape, so a hub nobody scrapes neither starts slower nor keeps them.
     */
    private void registerJvmMetricsOnce() {
        if (!jvmRegistered) {
            synchronized (jvmLock) {
                if (!jvmRegistered) {
                    registerJvmMetrics(registry);
                    jvmRegistered = true;
                }
            }
        }
    }

    /**
     * The client's JVM collectors one by one rather than {@code JvmMetrics}: its allocation collector adds a JMX
     * notification listener to every GC bean, which would pin the WAR's class loader after an undeploy (DESIGN §10),
     * and the native-memory one runs a diagnostic command on every scrape.
     */
    private static void registerJvmMetrics(PrometheusRegistry registry) {
        JvmMemoryMetrics.builder().register(registry);
        JvmGarbageCollectorMetrics.builder().register(registry);
        JvmThreadsMetrics.builder().register(registry);
        JvmClassLoadingMetrics.builder().register(registry);
        JvmBufferPoolMetrics.builder().register(registry);
        JvmCompilationMetrics.builder().register(registry);
        JvmRuntimeInfoMetric.builder().register(registry);
        ProcessMetrics.builder().register(registry);
    }

    /** Called once when boot has started every module. */
    public void bootFinished(Duration took) {
        bootDuration.compareAndSet(null, took);
    }

    /** The Jersey filter counting requests and token verifications. */
    public ApiRequestMetrics apiFilter() {
        return api;
    }

    /** The client's servlet, answering Prometheus text or OpenMetrics by the request's {@code Accept}. */
    public HttpServlet servlet() {
        return new PrometheusMetricsServlet(registry) {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                registerJvmMetricsOnce();
                super.doGet(request, response);
            }
        };
    }

    PrometheusRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "metrics unsubscribe failed", e);
        }
    }
}

package computer.parachute.hub.metrics;

import computer.parachute.hub.supervisor.ModuleSnapshot;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The supervisor's change events, in the order a crash, a respawn and a stop produce them, move the counters as
 * documented: one crash, one restart, one exit by signal, one by code; two spawn-to-ready observations.
 */
class ModuleMetricsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aCrashRespawnAndStopMoveTheCounters() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        Clock clock = Clock.fixed(T0.plusMillis(300), ZoneOffset.UTC);
        ModuleMetrics metrics = new ModuleMetrics(registry, clock,
                new ScrapeProcessTable(new ProcessTreeUsage(Path.of("/nonexistent-proc")), System::nanoTime),
                name -> OptionalLong.of(42));

        metrics.accept(snapshot("starting", null, null, false));
        metrics.accept(snapshot("running", 100L, null, false));
        metrics.accept(snapshot("running", 100L, null, true));
        metrics.accept(snapshot("restarting", null, 137, false));
        metrics.accept(snapshot("starting", null, 137, false));
        metrics.accept(snapshot("running", 101L, 137, false));
        metrics.accept(snapshot("running", 101L, 137, true));
        metrics.accept(snapshot("stopped", null, 0, false));

        String text = scrape(registry);
        for (String line : new String[] {
                "parachute_module_crashes_total{module=\"vault\"} 1.0",
                "parachute_module_restarts_total{module=\"vault\"} 1.0",
                "parachute_module_exits_total{code=\"\",module=\"vault\",signal=\"SIGKILL\"} 1.0",
                "parachute_module_exits_total{code=\"0\",module=\"vault\",signal=\"\"} 1.0",
                "parachute_module_spawn_to_ready_seconds_count{module=\"vault\"} 2",
                "parachute_module_up{module=\"vault\"} 0.0",
                "parachute_module_state{module=\"vault\",state=\"stopped\"} 1.0",
                "parachute_module_log_bytes_total{module=\"vault\"} 42.0"}) {
            assertTrue(text.contains(line), line + " missing from:\n" + text);
        }
    }

    private static ModuleSnapshot snapshot(String state, Long pid, Integer exit, boolean ready) {
        return new ModuleSnapshot("vault", state, pid, pid == null ? null : T0, 0, exit, null, null, ready);
    }

    private static String scrape(PrometheusRegistry registry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }
}

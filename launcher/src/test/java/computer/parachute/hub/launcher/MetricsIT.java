package computer.parachute.hub.launcher;

import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.ProcessReaper;
import computer.parachute.hub.core.testing.TestModules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /metrics} of the real launcher with a real Python module (issue 12): the exposition passes
 * {@code promtool check metrics}; OpenMetrics is served when asked; the values move with what happens to the module:
 * a {@code kill -9} adds a crash, a restart and a SIGKILL exit and the module is up again; an operator stop sets
 * {@code up} to 0 without counting a crash; API requests and token checks are counted by route and outcome.
 */
class MetricsIT {
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Pattern PID = Pattern.compile("\"pid\"\\s*:\\s*(\\d+)");
    private static final String MODULE = "vault";

    @TempDir
    Path temp;
    private final ProcessReaper reaper = new ProcessReaper();

    @AfterEach
    void reap() {
        reaper.close();
    }

    @Test
    void metricsFollowAModuleThroughAKillAndAStop() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        int modulePort = FreePorts.find();
        OneModuleHome.install(home, temp.resolve("modules"), MODULE, modulePort);
        int hubPort = FreePorts.find();
        try (HubProcess hub = HubProcess.start(home, Integer.toString(hubPort), hubPort, Map.of())) {
            reaper.track(hub.process);
            hub.awaitHealthy();
            try {
                checkMetrics(home, hubPort);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + hub.output(), e);
            }
        }
    }

    private void checkMetrics(Path home, int hubPort) throws Exception {
        {
            String up = "parachute_module_up{module=\"" + MODULE + "\"}";
            // the JVM collectors register in the background after start: wait for them too
            MetricsText first = awaitMetrics(hubPort, m -> m.valueOr(up, 0) == 1 && m.has("jvm_threads_current"));
            long pid = reaper.track(modulePid(hubPort, home));

            String text = get(hubPort, "/metrics", null).body;
            promtoolAccepts(text);
            for (String name : List.of("parachute_hub_build_info{version=", "parachute_hub_uptime_seconds ",
                    "parachute_hub_boot_duration_seconds ", "parachute_module_state{module=\"vault\",state=\"running\"} 1",
                    "parachute_module_spawn_to_ready_seconds_count{module=\"vault\"} 1", "jvm_memory_used_bytes{",
                    "jvm_threads_current ", "jvm_gc_collection_seconds_count{")) {
                assertTrue(text.contains(name), name + " missing from:\n" + text);
            }
            assertEquals(0, first.valueOr("parachute_module_crashes_total{module=\"vault\"}", -1));
            assertTrue(first.valueOr("parachute_module_resident_memory_bytes{module=\"vault\"}", 0) > 1_000_000,
                    "a python module holds more than 1 MB resident: " + first);
            assertTrue(first.value("parachute_module_cpu_seconds_total{module=\"vault\"}").isPresent(), first.toString());

            RawHttp.Answer rebound = RawHttp.send(hubPort, "GET /metrics HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");
            assertEquals(421, rebound.status(), "a DNS-rebound page cannot read /metrics: " + rebound);

            Response open = get(hubPort, "/metrics", "application/openmetrics-text; version=1.0.0");
            assertTrue(open.contentType.startsWith("application/openmetrics-text"), open.contentType);
            assertTrue(open.body.endsWith("# EOF\n"), "OpenMetrics ends with # EOF");

            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
            MetricsText crashed = awaitMetrics(hubPort, m -> m.valueOr(up, 0) == 1
                    && m.valueOr("parachute_module_restarts_total{module=\"vault\"}", 0) == 1);
            assertEquals(1, crashed.valueOr("parachute_module_crashes_total{module=\"vault\"}", -1), crashed.toString());
            assertEquals(1, crashed.valueOr("parachute_module_exits_total{code=\"\",module=\"vault\",signal=\"SIGKILL\"}", -1),
                    crashed.toString());
            assertEquals(2, crashed.valueOr("parachute_module_spawn_to_ready_seconds_count{module=\"vault\"}", -1),
                    crashed.toString());
            assertTrue(crashed.valueOr("parachute_module_log_bytes_total{module=\"vault\"}", 0) > 0,
                    "the supervisor's crash line went to the module log: " + crashed);

            String token = Files.readString(home.resolve("operator.token")).strip();
            assertEquals(200, post(hubPort, "/api/modules/vault/stop", token));
            assertEquals(401, post(hubPort, "/api/modules/vault/stop", "not-a-token"));
            MetricsText stopped = awaitMetrics(hubPort, m -> m.valueOr(up, 1) == 0);
            assertEquals(1, stopped.valueOr("parachute_module_state{module=\"vault\",state=\"stopped\"}", -1));
            assertEquals(1, stopped.valueOr("parachute_module_crashes_total{module=\"vault\"}", -1),
                    "a requested stop is no crash: " + stopped);
            assertTrue(stopped.valueOr("parachute_hub_api_requests_total{method=\"POST\",route=\"/api/modules/{short}/stop\",status=\"200\"}", 0) >= 1,
                    stopped.toString());
            assertTrue(stopped.valueOr("parachute_hub_token_verifications_total{outcome=\"valid\"}", 0) >= 2, stopped.toString());
            assertEquals(1, stopped.valueOr("parachute_hub_token_verifications_total{outcome=\"invalid_token\"}", -1),
                    stopped.toString());
            assertTrue(!stopped.has("parachute_module_cpu_seconds_total{module=\"vault\"}"),
                    "no CPU series for a module without a process");
        }
    }

    private static void promtoolAccepts(String exposition) throws Exception {
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        try (var stdin = promtool.getOutputStream()) {
            stdin.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(promtool.waitFor(30, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, promtool.exitValue(), "promtool check metrics (Debian package prometheus):\n" + output);
    }

    private MetricsText awaitMetrics(int hubPort, java.util.function.Predicate<MetricsText> condition) {
        MetricsText[] last = new MetricsText[1];
        boolean met = Poll.until(SETTLE, () -> {
            try {
                last[0] = new MetricsText(get(hubPort, "/metrics", null).body);
                return condition.test(last[0]);
            } catch (IOException e) {
                return false;
            }
        });
        assertTrue(met, "metrics never reached the expected values; last scrape: " + last[0]);
        return last[0];
    }

    private static long modulePid(int hubPort, Path home) throws IOException {
        String token = Files.readString(home.resolve("operator.token")).strip();
        HttpURLConnection connection = open(hubPort, "/api/modules/" + MODULE);
        connection.setRequestProperty("Authorization", "Bearer " + token);
        try (InputStream in = connection.getInputStream()) {
            Matcher pid = PID.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(pid.find(), "no pid for " + MODULE);
            return Long.parseLong(pid.group(1));
        } finally {
            connection.disconnect();
        }
    }

    private static int post(int hubPort, String path, String token) throws IOException {
        HttpURLConnection connection = open(hubPort, path);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Authorization", "Bearer " + token);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private record Response(String contentType, String body) {}

    private static Response get(int hubPort, String path, String accept) throws IOException {
        HttpURLConnection connection = open(hubPort, path);
        if (accept != null) {
            connection.setRequestProperty("Accept", accept);
        }
        try (InputStream in = connection.getInputStream()) {
            return new Response(String.valueOf(connection.getContentType()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            connection.disconnect();
        }
    }

    private static HttpURLConnection open(int hubPort, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + hubPort + path).toURL()
                .openConnection();
        connection.setConnectTimeout(1000);
        connection.setReadTimeout(10_000);
        return connection;
    }
}

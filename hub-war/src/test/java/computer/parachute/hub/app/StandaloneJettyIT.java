package computer.parachute.hub.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN §10: target/hub.war dropped into a stock Jetty 12 distribution (jetty-home, unpacked by the pom) as
 * webapps/ROOT.war runs the same hub, with PARACHUTE_HOME from the environment, and stops it with the container.
 */
class StandaloneJettyIT {
    private static final Duration SETUP_DEADLINE = Duration.ofSeconds(60);
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    @TempDir
    Path dir;

    @Test
    void stockJettyServesTheHubAndStopsItWithTheContainer() throws Exception {
        Path jettyHome = Path.of(required("jetty.home"));
        Path base = Files.createDirectories(dir.resolve("jetty-base"));
        Path home = dir.resolve("parachute-home");
        Path log = dir.resolve("jetty.log");
        Process setup = java(jettyHome, base, log, "--add-modules=http,ee11-deploy").start();
        try {
            assertTrue(setup.waitFor(SETUP_DEADLINE.toSeconds(), TimeUnit.SECONDS), "start.jar --add-modules hung");
            assertEquals(0, setup.exitValue(), () -> read(log));
        } finally {
            setup.destroyForcibly();
        }
        Files.copy(Path.of(required("hub.war")), Files.createDirectories(base.resolve("webapps")).resolve("ROOT.war"));

        int port = freePort();
        ProcessBuilder run = java(jettyHome, base, log, "jetty.http.port=" + port, "jetty.http.host=127.0.0.1");
        run.environment().put("PARACHUTE_HOME", home.toString());
        Process jetty = run.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpResponse<String> health = awaitHealth(http, jetty, port, log);
            assertTrue(health.body().contains("\"status\":\"ok\"") && health.body().contains("\"db\":\"ok\""),
                    health::body);
            assertTrue(Files.isRegularFile(home.resolve("hub.db")), "hub.db not created under PARACHUTE_HOME");
            assertTrue(Files.exists(home.resolve("hub.db-wal")), "hub.db is open in WAL mode while the hub runs");
            assertJson(send(http, port, "/nope", "GET"), 404, "not_found");
            // the metrics servlet's exact mapping wins over Jersey's /* in a stock container too
            HttpResponse<String> metrics = send(http, port, "/metrics", "GET");
            assertEquals(200, metrics.statusCode(), metrics::body);
            assertTrue(metrics.body().contains("parachute_hub_build_info{version=") && metrics.body().contains("jvm_threads_current"),
                    metrics::body);
            assertJson(send(http, port, "/health", "POST"), 405, "method_not_allowed");

            jetty.destroy(); // SIGTERM: Jetty's stop-at-shutdown undeploys the WAR
            assertTrue(jetty.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS), () -> "jetty did not exit" + read(log));
            // the lifecycle closed hub.db: SQLite folds the WAL back and deletes it when the last connection closes.
            // (Its "hub stopped" log line is lost here: JUL's own shutdown hook resets its handlers concurrently.)
            assertTrue(Files.isRegularFile(home.resolve("hub.db")));
            assertFalse(Files.exists(home.resolve("hub.db-wal")), () -> "hub.db was not closed on stop" + read(log));
        } finally {
            killByPid(jetty);
        }
    }

    private static ProcessBuilder java(Path jettyHome, Path base, Path log, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jettyHome.resolve("start.jar").toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static HttpResponse<String> awaitHealth(HttpClient http, Process jetty, int port, Path log)
            throws Exception {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() < deadline && jetty.isAlive()) {
            try {
                HttpResponse<String> response = send(http, port, "/health", "GET");
                if (response.statusCode() == 200) {
                    return response;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL.toMillis());
        }
        throw new AssertionError("no 200 from /health (alive=" + jetty.isAlive() + "): " + read(log));
    }

    private static HttpResponse<String> send(HttpClient http, int port, String path, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertJson(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"),
                () -> response.headers().map().toString());
        assertTrue(response.body().startsWith("{\"error\":\"" + code + "\",\"error_description\":"), response::body);
    }

    /** The JVM start.jar runs in, and any JVM it forked, by pid. */
    private static void killByPid(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("run through failsafe (mvn verify): system property " + property + " unset");
        }
        return value;
    }

    private static String read(Path log) {
        try {
            return "\n" + Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}

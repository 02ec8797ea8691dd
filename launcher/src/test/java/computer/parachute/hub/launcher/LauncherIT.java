package computer.parachute.hub.launcher;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real launcher.jar as a child process: serving, run files, signals and the two ways it refuses to start. */
class LauncherIT {
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Duration FAIL_FAST = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void servesJsonWritesRunFilesAndStopsWithExitZeroOnSigterm() throws Exception {
        Path home = dir.resolve("home");
        int port = HubProcess.freePort();
        try (HubProcess hub = HubProcess.start(home, String.valueOf(port), port, Map.of())) {
            hub.awaitHealthy();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            Map<?, ?> instanceFile = JSON.fromJson(Files.readString(home.resolve("hub-instance.json")), Map.class);
            assertEquals(instanceFile.get("instance"), JSON.fromJson(health.body(), Map.class).get("instance"));
            assertEquals(hub.process.pid(), ((Number) instanceFile.get("pid")).longValue());
            assertEquals(port + "\n", Files.readString(home.resolve("hub/run/hub.port")));
            assertTrue(Files.isRegularFile(home.resolve("hub.db")));
            assertTrue(Files.exists(home.resolve("hub.db-wal")), "hub.db is open in WAL mode while the hub runs");
            assertEquals("parachute hub: listening on http://127.0.0.1:" + port + " (PARACHUTE_HOME=" + home
                    + ", db=" + home.resolve("hub.db") + ", version=", hub.stdout().substring(0,
                    hub.stdout().indexOf("version=") + "version=".length()));
            assertEquals(1, hub.stdout().lines().count(), hub::toString);

            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/nope")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            assertEquals("not_found", JSON.fromJson(missing.body(), Map.class).get("error"));

            assertJsonError(raw(port, "GARBAGE\r\n\r\n"), "400", "bad_request");
            assertJsonError(raw(port, "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                    + "\r\n\r\n"), "431", "request_header_fields_too_large");
            assertJsonError(raw(port, "GET /health/%2e%2e/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                    "400", "bad_request");

            hub.process.destroy(); // SIGTERM
            assertEquals(0, hub.awaitExit(), hub.output());
            assertFalse(Files.exists(home.resolve("hub/run/hub.port")), hub.output());
            assertFalse(Files.exists(home.resolve("hub-instance.json")), hub.output());
            assertTrue(hub.stderr().contains("hub stopped: STOPPED"), hub.output());
            assertFalse(Files.exists(home.resolve("hub.db-wal")), "hub.db was not closed" + hub.output());
        }
    }

    @Test
    void invalidPortExitsTwoNamingTheValue() throws Exception {
        try (HubProcess hub = HubProcess.start(dir.resolve("home"), "abc", -1, Map.of())) {
            assertEquals(2, hub.awaitExit(), hub.output());
            assertEquals("parachute hub: PORT must be 1..65535, got \"abc\" (from environment variable PORT)",
                    hub.stderr().strip());
        }
    }

    @Test
    void occupiedPortExitsOneFastNamingTheHolderBeforeBootingAnything() throws Exception {
        Path home = dir.resolve("home");
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            long started = System.nanoTime();
            try (HubProcess hub = HubProcess.start(home, String.valueOf(holder.getLocalPort()), holder.getLocalPort(),
                    Map.of())) {
                assertEquals(1, hub.awaitExit(), hub.output());
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(took.compareTo(FAIL_FAST) < 0, "took " + took);
                String error = hub.stderr().strip();
                assertEquals(1, error.lines().count(), hub.output());
                assertTrue(error.startsWith("parachute hub: hub port " + holder.getLocalPort()
                        + " is already in use by pid " + ProcessHandle.current().pid() + " ("), error);
                assertTrue(error.endsWith("another hub is running? stop it with `parachute stop hub`"), error);
                assertFalse(Files.exists(home.resolve("hub.db")), "the WAR booted before the port was bound");
            }
        }
    }

    @Test
    void unusableHomeFailsTheStartWithExitOneNamingIt() throws Exception {
        Path home = Files.createFile(dir.resolve("not-a-directory"));
        int port = HubProcess.freePort();
        try (HubProcess hub = HubProcess.start(home, String.valueOf(port), port, Map.of())) {
            assertEquals(1, hub.awaitExit(), hub.output());
            assertEquals(List.of("parachute hub: failed to start: cannot use PARACHUTE_HOME " + home + " (" + home
                    + ": exists and is not a directory)"), hub.stderr().lines().toList(), hub.output());
            assertTrue(hub.stdout().isEmpty(), "no banner for a hub that never served: " + hub.output());
        }
    }

    /** Sends raw bytes (a request no HTTP client would send) and returns the whole answer. */
    private static String raw(int port, String request) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertJsonError(String response, String status, String code) {
        assertTrue(response.startsWith("HTTP/1.1 " + status + " "), response);
        assertTrue(response.toLowerCase().contains("content-type: application/json"), response);
        assertFalse(response.toLowerCase().contains("<html"), response);
        assertTrue(response.contains("{\"error\":\"" + code + "\",\"error_description\":"), response);
    }
}

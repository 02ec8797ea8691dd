package computer.parachute.hub.launcher;

import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.ProcessReaper;
import computer.parachute.hub.core.testing.TestModules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub as the single front door (issue 13), end to end: the real launcher jar with real Python modules behind it
 * (Python's own http.server for static files, and proxymodule.py for echo, SSE, WebSocket, big bodies). One hub for
 * the class, with the 64 MiB heap cap a hub unit ships with: a 100 MiB body buffered whole would not fit, so a pass proves streaming.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontDoorIT {
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration CALL = Duration.ofSeconds(30);
    private static final long HUNDRED_MIB = 100L * 1024 * 1024;

    @TempDir
    static Path temp;
    private final ProcessReaper reaper = new ProcessReaper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path home;
    private Path modules;
    private final Map<String, String> rows = new LinkedHashMap<>();
    private HubProcess hub;
    private int hubPort;
    private String base;

    @BeforeAll
    void startHubWithModules() throws Exception {
        home = Files.createDirectories(temp.resolve("home"));
        modules = Files.createDirectories(temp.resolve("modules"));
        Path files = Files.createDirectories(modules.resolve("files/www"));
        Files.writeString(files.resolve("hello.txt"), "hello from http.server\n");
        // Python's own http.server: PORT comes from the environment the supervisor gives it
        row("files", "[\"/files\", \"/echo/static\"]", true, List.of("sh", "-c",
                "exec " + TestModules.python() + " -m http.server \"$PORT\" --bind 127.0.0.1 --directory www"), modules.resolve("files"));
        row("echo", "[\"/echo\", \"/api/echo\"]", false, proxyModule("echo"), modules.resolve("echo"));
        row("broken", "[\"/broken\"]", false, List.of(modules.resolve("no-such-binary").toString()), modules);
        row("crashy", "[\"/crashy\"]", false, proxyModule("crashy"), modules.resolve("crashy"));
        env("crashy", "PM_CRASH_AT_START=1");
        writeRegistry();
        int port = FreePorts.find();
        hub = HubProcess.start(home, Integer.toString(port), port, Map.of(), null, List.of("-Xmx64m"));
        reaper.track(hub.process);
        hub.awaitHealthy();
        hubPort = port;
        base = "http://127.0.0.1:" + port;
        Poll.require(SETTLE, "echo and files answering through the hub",
                () -> statusOf("/echo/x") == 200 && statusOf("/files/hello.txt") == 200);
    }

    @AfterAll
    void stopHub() throws Exception {
        if (hub != null) {
            hub.process.destroy(); // SIGTERM: the hub stops its modules
            hub.awaitExit();
        }
        reaper.close();
    }

    @Test
    void longestPrefixWinsOnWholeSegmentsAndStripPrefixRemovesTheMount() throws Exception {
        HttpResponse<String> echo = get("/echo/a/b?x=1&y=%20");
        assertEquals(200, echo.statusCode(), echo.body());
        assertTrue(echo.body().contains("\"path\": \"/echo/a/b\""), "no stripPrefix: the module sees the full path " + echo.body());
        assertTrue(echo.body().contains("\"query\": \"x=1&y=%20\""), echo.body());

        HttpResponse<String> stripped = get("/files/hello.txt");
        assertEquals("hello from http.server\n", stripped.body());
        HttpResponse<String> longer = get("/echo/static/hello.txt");
        assertEquals("hello from http.server\n", longer.body(), "/echo/static is longer than /echo, and strips itself");
        HttpResponse<String> notASegment = get("/echo/staticx");
        assertTrue(notASegment.body().contains("\"path\": \"/echo/staticx\""), "whole segments only: " + notASegment.body());

        HttpResponse<String> unknown = get("/nobody/here");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("\"error\":\"not_found\""), unknown.body());
    }

    @Test
    void theHubsOwnRoutesWinAndAShadowingPathIsSkippedWithAReason() throws Exception {
        HttpResponse<String> api = get("/api/echo/x");
        assertFalse(api.body().contains("\"method\""), "a module path under /api is never routed: " + api.body());
        assertTrue(api.body().contains("\"error\""), api.body());
        assertEquals(200, get("/health").statusCode());
        assertTrue(hub.output().contains("\"echo\": not routing path \"/api/echo\" is the hub's own route"), hub.output());
    }

    @Test
    void aForeignHostNeverReachesAModule() throws Exception {
        RawHttp.Answer answer = RawHttp.send(hub.port, "GET /echo/x HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertEquals(421, answer.status(), answer.body());
        assertFalse(answer.body().contains("\"method\""), "the module never saw it: " + answer.body());
    }

    @Test
    void forwardedHeadersAreSetHostIsPreservedAndHopByHopHeadersDropped() throws Exception {
        HttpResponse<String> echo = http.send(HttpRequest.newBuilder(URI.create(base + "/echo/h"))
                .header("X-Forwarded-For", "203.0.113.7").header("Keep-Alive", "timeout=5").header("X-Custom", "kept")
                .timeout(CALL).build(), HttpResponse.BodyHandlers.ofString());
        String body = echo.body();
        String hostPort = base.substring("http://".length());
        assertTrue(body.contains("\"host\": \"" + hostPort + "\""), "Host preserved: " + body);
        assertTrue(body.contains("\"x-forwarded-host\": \"" + hostPort + "\""), body);
        assertTrue(body.contains("\"x-forwarded-proto\": \"http\""), body);
        assertTrue(body.contains("\"x-forwarded-for\": \"203.0.113.7, 127.0.0.1\""), "appended: " + body);
        assertTrue(body.contains("\"forwarded\": \"by="), body);
        assertTrue(body.contains("\"x-custom\": \"kept\""), body);
        assertFalse(body.contains("\"keep-alive\""), "hop-by-hop dropped: " + body);

        HttpResponse<String> prefixed = get("/files/");
        assertEquals(200, prefixed.statusCode());
        HttpResponse<String> redirect = get("/echo/redirect?to=http://127.0.0.1:" + port("echo") + "/echo/landing");
        assertEquals(302, redirect.statusCode());
        assertEquals(base + "/echo/landing", redirect.headers().firstValue("Location").orElse(""),
                "a redirect to the module's own address goes back through the front door");
    }

    @Test
    void theDashboardSessionCookieNeverReachesAModuleAndAModuleCannotSetIt() throws Exception {
        HttpResponse<String> echo = http.send(HttpRequest.newBuilder(URI.create(base + "/echo/c"))
                .header("Cookie", "parachute_session_" + hubPort + "=operator-secret; theme=dark")
                .timeout(CALL).build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(echo.body().contains("operator-secret"), "session cookie passed to the module: " + echo.body());
        assertTrue(echo.body().contains("\"cookie\": \"theme=dark\""), "the module's own cookies pass: " + echo.body());

        HttpResponse<String> planted = get("/echo/setcookie?name=parachute_session_" + hubPort + "&name=theme");
        assertEquals(204, planted.statusCode());
        assertEquals(List.of("theme=planted; Path=/"), planted.headers().allValues("Set-Cookie"),
                "a module may set its own cookies, never the hub's session");
    }

    @Test
    void hundredMebibytesUpAndDownStreamThroughAFlatHeap() throws Exception {
        long rssBefore = rssKib(hub.process.pid());
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(base + "/echo/upload"))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(HUNDRED_MIB)), HUNDRED_MIB))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"received\": " + HUNDRED_MIB + "}", upload.body());

        HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(URI.create(base + "/echo/big?mb=100"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofInputStream());
        long read = 0;
        try (InputStream in = download.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read += n;
            }
        }
        assertEquals(HUNDRED_MIB, read);
        long rssAfter = rssKib(hub.process.pid());
        System.out.printf("front door 100 MiB up+down: hub RSS %d KiB -> %d KiB (heap capped at 64 MiB)%n", rssBefore, rssAfter);
        assertTrue(rssAfter - rssBefore < 64 * 1024, "hub RSS grew by " + (rssAfter - rssBefore) + " KiB");
        assertTrue(hub.process.isAlive());
    }

    @Test
    void serverSentEventsArriveOneByOneAsTheModuleWritesThem() throws Exception {
        HttpResponse<Stream<String>> sse = http.send(HttpRequest.newBuilder(URI.create(base + "/echo/sse?n=4&ms=400"))
                .header("Accept", "text/event-stream").timeout(CALL).build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, sse.statusCode());
        assertEquals("text/event-stream", sse.headers().firstValue("Content-Type").orElse(""));
        List<Long> arrivals = new ArrayList<>();
        List<String> events = new ArrayList<>();
        Iterator<String> lines = sse.body().iterator();
        while (lines.hasNext() && events.size() < 4) {
            String line = lines.next();
            if (line.startsWith("data: ")) {
                events.add(line);
                arrivals.add(System.nanoTime());
            }
        }
        assertEquals(List.of("data: 0", "data: 1", "data: 2", "data: 3"), events);
        for (int i = 1; i < arrivals.size(); i++) {
            long gapMs = TimeUnit.NANOSECONDS.toMillis(arrivals.get(i) - arrivals.get(i - 1));
            assertTrue(gapMs >= 200, "event " + i + " arrived " + gapMs + " ms after the previous: buffered, not streamed");
        }
    }

    @Test
    void aWebSocketIsBridgedBothWays() throws Exception {
        List<String> received = new ArrayList<>();
        CompletableFuture<Void> twoMessages = new CompletableFuture<>();
        ByteBuffer[] binary = new ByteBuffer[1];
        WebSocket socket = http.newWebSocketBuilder().subprotocols("echo").connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws" + base.substring(4) + "/echo/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        synchronized (received) {
                            received.add(data.toString());
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                        ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
                        binary[0] = copy;
                        twoMessages.complete(null);
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        assertEquals("echo", socket.getSubprotocol(), "the module's choice of subprotocol reaches the client");
        socket.sendText("hello through the hub", true).get(5, TimeUnit.SECONDS);
        socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3, (byte) 255}), true).get(5, TimeUnit.SECONDS);
        twoMessages.get(10, TimeUnit.SECONDS);
        synchronized (received) {
            assertEquals(List.of("hello through the hub"), received);
        }
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3, (byte) 255}), binary[0]);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);

        // a module path that does not speak WebSocket: the module's refusal is the client's 502, not a hang
        RawHttp.Answer refused = RawHttp.send(hub.port, ("GET /echo/plain HTTP/1.1\r\nHost: 127.0.0.1:" + hub.port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.UTF_8), true);
        assertEquals(502, refused.status(), refused.body());
        assertTrue(refused.body().contains("WebSocket handshake refused"), refused.body());
    }

    @Test
    void anUninstalledModuleIsNoLongerRoutedWithinTwoSeconds() throws Exception {
        row("gone", "[\"/gone\"]", false, proxyModule("gone"), modules.resolve("gone"));
        writeRegistry();
        Poll.require(Duration.ofSeconds(2), "the new row routed (502: installed, not started)", () -> statusOf("/gone/x") == 502);
        rows.remove("gone");
        writeRegistry();
        Poll.require(Duration.ofSeconds(2), "the removed row no longer routed", () -> statusOf("/gone/x") == 404);
    }

    @Test
    void aSlowModuleAnswers503WithRetryAfterUntilItBindsThenANewlyInstalledModuleIsRouted() throws Exception {
        row("slow", "[\"/slow\"]", false, proxyModule("slow"), modules.resolve("slow"));
        env("slow", "PM_BIND_DELAY_MS=3000");
        writeRegistry();
        // the start call returns once the module is ready (the readiness gate), so ask the front door meanwhile
        CompletableFuture<HttpResponse<String>> start = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/modules/slow/start"))
                .header("Authorization", "Bearer " + Files.readString(home.resolve("operator.token")).trim())
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(CALL).build(), HttpResponse.BodyHandlers.ofString());
        // the 500 ms poll finds the new row (and the start nudges it): routed and answering 503 well within 2 s
        // (a 502 "stopped" is right too, for the moment between the route appearing and the start arriving)
        Poll.require(Duration.ofSeconds(2), "the new module routed while it starts", () -> statusOf("/slow/x") == 503);
        HttpResponse<String> api = get("/slow/x");
        assertEquals(503, api.statusCode(), api.body());
        assertEquals("1", api.headers().firstValue("Retry-After").orElse(""));
        assertTrue(api.body().contains("\"error\":\"module_starting\"") && api.body().contains("\"module\":\"slow\""), api.body());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/slow/x"))
                .header("Accept", "text/html,application/xhtml+xml").timeout(CALL).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(503, page.statusCode());
        assertTrue(page.body().contains("http-equiv=\"refresh\"") && page.body().contains("slow is starting"), page.body());
        assertEquals(200, start.get(CALL.toSeconds(), TimeUnit.SECONDS).statusCode());

        Poll.require(SETTLE, "slow answering through the hub once bound", () -> statusOf("/slow/x") == 200);
        assertTrue(get("/.well-known/parachute.json").body().contains("\"url\":\"" + base + "/slow\""));
    }

    @Test
    void aModuleThatCannotRunAnswers502NamingItsStateAndTheFix() throws Exception {
        Poll.require(SETTLE, "broken and crashy settled as crashed", () ->
                bodyOf("/broken/x").contains("\"state\":\"crashed\"") && bodyOf("/crashy/x").contains("\"state\":\"crashed\""));
        HttpResponse<String> broken = get("/broken/x");
        assertEquals(502, broken.statusCode());
        assertTrue(broken.body().contains("\"error\":\"module_unavailable\"") && broken.body().contains("\"type\":\"missing_dependency\""), broken.body());
        assertTrue(broken.body().contains("`parachute start broken`"), "the fix: " + broken.body());
        HttpResponse<String> crashy = get("/crashy/x");
        assertEquals(502, crashy.statusCode());
        assertTrue(crashy.body().contains("crashy is crashed") && crashy.body().contains("parachute logs crashy"), crashy.body());
    }

    @Test
    void theDiscoveryDocumentListsTheHubAndEveryModuleWithoutSecrets() throws Exception {
        HttpResponse<String> doc = get("/.well-known/parachute.json");
        assertEquals(200, doc.statusCode());
        String body = doc.body();
        assertTrue(body.contains("\"hub\":{\"name\":\"parachute-hub\",\"version\":"), body);
        assertTrue(body.contains("\"origin\":\"" + base + "\""), body);
        assertTrue(body.contains("\"name\":\"echo\"") && body.contains("\"paths\":[\"/echo\"]") && body.contains("\"url\":\"" + base + "/echo\""), body);
        assertTrue(body.contains("\"state\":\"running\""), body);
        assertFalse(body.contains("\"pid\"") || body.contains("installDir") || body.contains(modules.toString()), "no secrets: " + body);
    }

    // ---- helpers ----

    private List<String> proxyModule(String name) throws IOException {
        Path dir = Files.createDirectories(modules.resolve(name));
        try (InputStream in = FrontDoorIT.class.getResourceAsStream("/proxymodule/proxymodule.py")) {
            Files.copy(in, dir.resolve("proxymodule.py"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return List.of(TestModules.python(), dir.resolve("proxymodule.py").toString());
    }

    private final Map<String, Integer> ports = new LinkedHashMap<>();

    private int port(String name) {
        return ports.get(name);
    }

    private void row(String name, String paths, boolean stripPrefix, List<String> startCmd, Path installDir) throws IOException {
        int port = FreePorts.find();
        ports.put(name, port);
        Files.createDirectories(installDir.resolve(".parachute"));
        String argv = "[\"" + String.join("\", \"", startCmd.stream().map(a -> a.replace("\\", "\\\\").replace("\"", "\\\"")).toList()) + "\"]";
        Files.writeString(installDir.resolve(".parachute/module.json"), "{\"name\": \"" + name + "\", \"port\": " + port
                + ", \"paths\": " + paths + ", \"health\": \"/health\", \"startCmd\": " + argv + "}");
        rows.put(name, "{\"name\": \"" + name + "\", \"displayName\": \"" + name + " module\", \"port\": " + port + ", \"paths\": " + paths
                + ", \"stripPrefix\": " + stripPrefix + ", \"health\": \"/health\", \"version\": \"0.0.1\", \"installDir\": \"" + installDir + "\"}");
    }

    private void env(String name, String line) throws IOException {
        Files.writeString(Files.createDirectories(home.resolve(name)).resolve(".env"), line + "\n");
    }

    private void writeRegistry() throws IOException {
        Path next = home.resolve("services.json.tmp");
        Files.writeString(next, "{\"services\": [" + String.join(",", rows.values()) + "]}");
        Files.move(next, home.resolve("services.json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(CALL).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** For polling: the status, or -1 when the call itself failed. */
    private int statusOf(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String bodyOf(String path) {
        try {
            return get(path).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    /** {@code size} zero bytes, generated as read: the test itself never holds the body either. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long size) {
            left = size;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}

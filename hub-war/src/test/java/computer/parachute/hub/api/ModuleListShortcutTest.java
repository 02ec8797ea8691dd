package computer.parachute.hub.api;

import computer.parachute.hub.app.RunningHub;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.testing.ProcessReaper;
import computer.parachute.hub.core.token.CreatedVia;
import computer.parachute.hub.core.token.OperatorTokens;
import computer.parachute.hub.core.token.ScopeSets;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status call answered in front of Jersey ({@link ModuleListShortcut}) against Jersey's own answer, byte for byte
 * on the wire (status line, headers in order, body; only the Date value may differ), over raw loopback HTTP/1.1 on
 * one kept-alive connection as the peer benchmark's client sends it. Which path answered is told by a pre-matching
 * Jersey filter that counts the status requests Jersey saw. One real hub, with one real module running.
 */
class ModuleListShortcutTest {
    private static final int READ_TIMEOUT_MS = 15_000;
    private static final int RUNNING_POLLS = 200;
    private static final long RUNNING_POLL_MS = 50;
    private static final String VALID_METRIC =
            "parachute_hub_api_requests_total{method=\"GET\",route=\"/api/modules\",status=\"200\"}";
    private static final String VERIFIED_METRIC = "parachute_hub_token_verifications_total{outcome=\"valid\"}";

    @TempDir
    static Path dir;
    static RunningHub hub;
    static final AtomicInteger jerseySawStatus = new AtomicInteger();
    static final ProcessReaper reaper = new ProcessReaper();
    static String admin;

    @PreMatching
    public static final class StatusCounter implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getUriInfo().getPath().startsWith("api/modules")) {
                jerseySawStatus.incrementAndGet();
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        ApiHub.preinstall(dir, "alpha", Map.of());
        hub = RunningHub.start(dir.resolve("home"), app -> app.register(new StatusCounter()));
        admin = mint(ScopeSets.ADMIN);
        try (Raw raw = new Raw()) {
            for (int poll = 0; poll < RUNNING_POLLS; poll++) {
                JsonObject alpha = json(raw.get("/api/modules", "Authorization: Bearer " + admin)).getJsonArray("modules")
                        .getJsonObject(0);
                if ("running".equals(alpha.getString("supervisor_status", "")) && alpha.containsKey("pid")) {
                    reaper.track(alpha.getJsonNumber("pid").longValue());
                    return;
                }
                Thread.sleep(RUNNING_POLL_MS);
            }
        }
        throw new AssertionError("module alpha did not reach running");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (hub != null) {
                hub.close();
            }
        } finally {
            reaper.close();
        }
    }

    static String mint(String scopeSet) {
        return hub.lifecycle().tokens().operatorTokens().mint(scopeSet, OperatorTokens.DEFAULT_SUBJECT,
                "http://127.0.0.1:" + hub.uri("/").getPort(), CreatedVia.OPERATOR_MINT).token();
    }

    @Test
    void thePlainCallIsAnsweredBeforeJerseyWithJerseysBytes() throws Exception {
        try (Raw raw = new Raw()) {
            String bearer = "Authorization: Bearer " + admin;
            int before = jerseySawStatus.get();
            String shortcut = raw.get("/api/modules", bearer);
            String shortcutWithJson = raw.get("/api/modules", bearer, "Accept: application/json");
            String shortcutWithAny = raw.get("/api/modules", bearer, "Accept: */*");
            assertEquals(before, jerseySawStatus.get(), "the plain calls reached Jersey");

            // requests Jersey answers the same way, which the shortcut leaves to it
            String jersey = raw.get("/api/modules", bearer, "Accept: application/json, */*");
            String jerseyQuery = raw.get("/api/modules?", bearer);
            String jerseyLowerScheme = raw.get("/api/modules", "Authorization: bearer " + admin, "Accept: application/json;q=1");
            assertEquals(before + 3, jerseySawStatus.get(), "the other calls did not reach Jersey");

            assertTrue(shortcut.startsWith("HTTP/1.1 200 OK\r\n"), shortcut);
            assertTrue(shortcut.contains("\"short\":\"alpha\""), shortcut);
            for (String other : List.of(shortcutWithJson, shortcutWithAny, jersey, jerseyQuery, jerseyLowerScheme)) {
                assertEquals(withoutDate(jersey), withoutDate(other));
            }
            assertEquals(withoutDate(jersey), withoutDate(shortcut));
        }
    }

    @Test
    void theTokenIsCheckedOnEveryCallAndEveryRefusalIsJerseys() throws Exception {
        String revocable = mint(ScopeSets.AUTH);
        try (Raw raw = new Raw()) {
            int before = jerseySawStatus.get();
            assertTrue(raw.get("/api/modules", "Authorization: Bearer " + revocable).startsWith("HTTP/1.1 200 "));
            assertEquals(before, jerseySawStatus.get());

            String jti = hub.lifecycle().tokens().verifier().verify(revocable).jti();
            assertTrue(hub.lifecycle().tokens().registry().revoke(jti));
            String revoked = raw.get("/api/modules", "Authorization: Bearer " + revocable);
            assertTrue(revoked.startsWith("HTTP/1.1 401 "), revoked);
            assertTrue(revoked.contains("revoked"), revoked);
            assertTrue(revoked.contains("\r\nWWW-Authenticate: Bearer"), revoked);

            String narrow = raw.get("/api/modules", "Authorization: Bearer " + mint(ScopeSets.START));
            assertTrue(narrow.startsWith("HTTP/1.1 403 "), narrow);
            assertTrue(narrow.contains("insufficient_scope"), narrow);
            String missing = raw.get("/api/modules");
            assertTrue(missing.startsWith("HTTP/1.1 401 ") && missing.contains("unauthenticated"), missing);
            String garbage = raw.get("/api/modules", "Authorization: Bearer not.a.token");
            assertTrue(garbage.startsWith("HTTP/1.1 401 ") && garbage.contains("invalid_token"), garbage);
            String html = raw.get("/api/modules", "Authorization: Bearer " + admin, "Accept: text/html");
            assertTrue(html.startsWith("HTTP/1.1 406 "), html);
            assertEquals(before + 5, jerseySawStatus.get(), "every refusal is Jersey's");
        }
    }

    @Test
    void bothPathsCountTheSameMetrics() throws Exception {
        try (Raw raw = new Raw()) {
            String bearer = "Authorization: Bearer " + admin;
            Map<String, Double> start = metrics(raw);
            raw.get("/api/modules", bearer);
            Map<String, Double> afterShortcut = metrics(raw);
            raw.get("/api/modules?", bearer);
            Map<String, Double> afterJersey = metrics(raw);
            assertEquals(1, afterShortcut.get(VALID_METRIC) - start.getOrDefault(VALID_METRIC, 0.0), afterShortcut.toString());
            assertEquals(1, afterShortcut.get(VERIFIED_METRIC) - start.getOrDefault(VERIFIED_METRIC, 0.0));
            assertEquals(1, afterJersey.get(VALID_METRIC) - afterShortcut.get(VALID_METRIC));
            assertEquals(1, afterJersey.get(VERIFIED_METRIC) - afterShortcut.get(VERIFIED_METRIC));
        }
    }

    /** Past Jersey's 8 KiB buffer Jersey sends the list chunked: that one stays Jersey's, with the same JSON. */
    @Test
    void aListLongerThanJerseysBufferIsLeftToJersey() throws Exception {
        ServicesRegistry registry = new ServicesRegistry(new HubHome(dir.resolve("home")).servicesJson());
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String name = "filler" + i;
            registry.upsert(ServiceEntry.of(name, 40_000 + i, List.of("/f" + i), "/health", "1.0.0"));
            added.add(name);
        }
        try (Raw raw = new Raw()) {
            String bearer = "Authorization: Bearer " + admin;
            int before = jerseySawStatus.get();
            String plain = raw.get("/api/modules", bearer);
            assertEquals(before + 1, jerseySawStatus.get(), "a long list was answered before Jersey");
            assertTrue(plain.contains("\r\nTransfer-Encoding: chunked\r\n"), plain.substring(0, 300));
            assertFalse(plain.contains("\r\nContent-Length:"), plain.substring(0, 300));
            String other = raw.get("/api/modules?", bearer);
            assertEquals(withoutDate(other), withoutDate(plain));
            assertTrue(plain.contains("\"short\":\"" + added.get(119) + "\""), "the list is whole");
        } finally {
            for (String name : added) {
                registry.remove(name);
            }
        }
        try (Raw raw = new Raw()) {
            int before = jerseySawStatus.get();
            assertNotEquals(-1, raw.get("/api/modules", "Authorization: Bearer " + admin).indexOf("Content-Length"));
            assertEquals(before, jerseySawStatus.get(), "the short list is the shortcut's again");
        }
    }

    private static Map<String, Double> metrics(Raw raw) throws IOException {
        String answer = raw.get("/metrics");
        Map<String, Double> values = new java.util.HashMap<>();
        for (String line : answer.substring(answer.indexOf("\r\n\r\n") + 4).split("\n")) {
            if (line.startsWith("parachute_hub_")) {
                int space = line.lastIndexOf(' ');
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return values;
    }

    private static String withoutDate(String response) {
        return response.replaceFirst("\r\nDate: [^\r]*\r\n", "\r\nDate: -\r\n");
    }

    private static JsonObject json(String response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.substring(response.indexOf("\r\n\r\n") + 4)))) {
            return reader.readObject();
        }
    }

    /** One kept-alive HTTP/1.1 connection to the hub; answers as text, head and body (de-chunked) as sent. */
    static final class Raw implements AutoCloseable {
        private static final Pattern LENGTH = Pattern.compile("\r\nContent-Length: (\\d+)\r\n", Pattern.CASE_INSENSITIVE);
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Raw() throws IOException {
            socket = new Socket("127.0.0.1", hub.uri("/").getPort());
            socket.setSoTimeout(READ_TIMEOUT_MS);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        String get(String path, String... headers) throws IOException {
            StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                    .append(socket.getPort()).append("\r\nAccept-Encoding: identity\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String head = line("\r\n\r\n");
            Matcher length = LENGTH.matcher(head);
            String body;
            if (length.find()) {
                body = new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
            } else {
                assertTrue(head.contains("\r\nTransfer-Encoding: chunked"), head);
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                for (int size; (size = Integer.parseInt(line("\r\n").strip(), 16)) > 0; line("\r\n")) {
                    chunks.write(in.readNBytes(size));
                }
                line("\r\n");
                body = chunks.toString(StandardCharsets.UTF_8);
            }
            return head + body;
        }

        /** Bytes up to and including {@code end}, as ISO-8859-1 text (the head is ASCII). */
        private String line(String end) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed after " + bytes.toString(StandardCharsets.ISO_8859_1));
                }
                bytes.write(b);
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

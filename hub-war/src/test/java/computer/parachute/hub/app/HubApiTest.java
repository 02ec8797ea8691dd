package computer.parachute.hub.app;

import computer.parachute.hub.core.config.HubVersion;
import computer.parachute.hub.core.db.HubDatabase;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hub's HTTP surface over real loopback HTTP: /health, and that every error is our JSON body. */
class HubApiTest {
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final int LIMIT = 64 * 1024;

    @TempDir
    Path home;
    @TempDir
    Path otherHome;
    private RunningHub hub;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void startHub() throws Exception {
        hub = RunningHub.start(home, app -> app.register(TestResources.class));
    }

    @AfterEach
    void stopHub() throws Exception {
        hub.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(hub.uri(path)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"),
                () -> "content-type of " + response + ": " + response.headers().map());
        return JSON.fromJson(response.body(), Map.class);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response::body);
        Map<String, Object> body = json(response);
        assertEquals(code, body.get("error"), response::body);
        assertTrue(body.get("error_description") instanceof String text && !text.isBlank(), response::body);
        assertEquals(2, body.size(), response::body);
    }

    @Test
    void healthReportsVersionDatabaseAndThisBootsInstance() throws Exception {
        HttpResponse<String> response = get("/health");
        assertEquals(200, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("cache-control").orElse(""));
        assertEquals(Map.of("status", "ok", "service", "parachute-hub", "version", HubVersion.current(),
                "db", "ok", "instance", hub.config.instanceId(), "port", new java.math.BigDecimal(hub.uri("/").getPort()), "portKnown", true),
                json(response));
    }

    @Test
    void withoutAPortTheFirstRequestTeachesItAndOnlyThenIsTheOperatorTokenMintedForIt() throws Exception {
        // RunningHub gives port 0, as a container deploy without PORT does: nothing may assume 1939
        Path token = home.resolve("operator.token");
        assertFalse(hub.lifecycle().servedPort().isKnown());
        assertFalse(Files.exists(token), "no token before the hub knows the origin to issue it for");
        assertEquals(Set.of(), hub.lifecycle().acceptedIssuers());

        int port = hub.uri("/").getPort();
        assertEquals(200, get("/health").statusCode());
        String[] jwt = Files.readString(token).trim().split("\\.");
        Map<?, ?> claims = JSON.fromJson(new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8), Map.class);
        assertEquals("http://127.0.0.1:" + port, claims.get("iss"));
        assertTrue(hub.lifecycle().acceptedIssuers().contains("http://127.0.0.1:" + port));
    }

    @Test
    void healthSaysSoWhenHubDbWasWipedUnderTheRunningHub() throws Exception {
        Files.delete(home.resolve("hub.db"));
        HttpResponse<String> response = get("/health");
        assertEquals(200, response.statusCode());
        assertTrue(json(response).get("db").toString().startsWith("error: "), response::body);
    }

    @Test
    void unknownPathIsJson404() throws Exception {
        assertError(get("/nope"), 404, "not_found");
        assertError(get("/api/nope/deeper?x=1"), 404, "not_found");
    }

    @Test
    void wrongMethodIsJson405WithAllow() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(hub.uri("/health"))
                .DELETE());
        assertError(response, 405, "method_not_allowed");
        assertTrue(response.headers().firstValue("allow").orElse("").contains("GET"), () -> response.headers().map().toString());
    }

    @Test
    void wrongContentTypeIsJson415AndUnacceptableAcceptIsJson406() throws Exception {
        assertError(send(HttpRequest.newBuilder(hub.uri("/test/echo")).header("content-type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hi"))), 415, "unsupported_media_type");
        assertError(send(HttpRequest.newBuilder(hub.uri("/health")).header("accept", "text/html")), 406,
                "not_acceptable");
    }

    @Test
    void bodiesOverTheLimitAreJson413WithOrWithoutContentLength() throws Exception {
        byte[] tooBig = new byte[LIMIT + 1];
        assertError(send(HttpRequest.newBuilder(hub.uri("/test/echo")).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(tooBig))), 413, "payload_too_large");
        assertError(send(HttpRequest.newBuilder(hub.uri("/test/echo")).header("content-type", "application/json")
                .POST(chunked(tooBig))), 413, "payload_too_large");
        // an unknown path is guarded too: the limit runs before matching
        assertError(send(HttpRequest.newBuilder(hub.uri("/nope")).POST(chunked(tooBig))), 413, "payload_too_large");
    }

    @Test
    void bodiesAtTheLimitPassWithOrWithoutContentLength() throws Exception {
        byte[] atLimit = new byte[LIMIT];
        java.util.Arrays.fill(atLimit, (byte) 'x');
        for (HttpRequest.BodyPublisher body : new HttpRequest.BodyPublisher[] {
                HttpRequest.BodyPublishers.ofByteArray(atLimit), chunked(atLimit)}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(hub.uri("/test/echo"))
                    .header("content-type", "application/json").POST(body));
            assertEquals(200, response.statusCode(), response::body);
            assertEquals(Map.of("bytes", java.math.BigDecimal.valueOf(LIMIT)), json(response));
        }
    }

    @Test
    void unexpectedFailureIsJson500QuotingALogIdAndNoDetail() throws Exception {
        HttpResponse<String> response = get("/test/boom");
        assertError(response, 500, "internal_error");
        assertTrue(response.body().matches(".*error [0-9a-f]{16}\".*"), response::body);
        assertFalse(response.body().contains("secret detail") || response.body().contains("Exception"),
                response::body);
        assertEquals("no-store", response.headers().firstValue("cache-control").orElse(""));
    }

    @Test
    void containerErrorsInTheContextUseTheSameBody() throws Exception {
        // the error page web.xml declares (mirrored by RunningHub) turns the container's HTML into our body
        HttpResponse<String> response = get(SendErrorServlet.PATH);
        assertError(response, 503, "service_unavailable");
        assertEquals("down for <maintenance>", json(response).get("error_description"));
    }

    @Test
    void hubDbIsCreatedInWalModeAtTheLatestSchemaVersion() throws Exception {
        Path db = home.resolve("hub.db");
        assertTrue(Files.isRegularFile(db));
        try (HubDatabase fresh = HubDatabase.open(otherHome.resolve("hub.db"))) {
            assertEquals(pragma(fresh, "user_version"), pragma(hub.lifecycle().database(), "user_version"));
        }
        assertEquals("wal", pragma(hub.lifecycle().database(), "journal_mode"));
    }

    @Test
    void stoppingTheContextClosesTheDatabaseOnceAndForAll() throws Exception {
        HubLifecycle lifecycle = hub.lifecycle();
        hub.close();
        assertThrows(SQLException.class, () -> lifecycle.database().connection().close());
        lifecycle.stop(); // idempotent: a second stop is a no-op, not a throw
    }

    private static String pragma(HubDatabase database, String name) throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    private static HttpRequest.BodyPublisher chunked(byte[] bytes) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }
}

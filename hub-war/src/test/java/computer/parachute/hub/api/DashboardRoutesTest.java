package computer.parachute.hub.api;

import computer.parachute.hub.core.token.ScopeSets;
import computer.parachute.hub.web.SessionCookie;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's routes on the real app over loopback HTTP: the login link, the session cookie, the CSRF and
 * same-origin rules for state changes, the wall between cookie routes and bearer routes, revocation, and the event
 * stream carrying a real module's start.
 */
class DashboardRoutesTest {
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([A-Za-z0-9_-]+)\">");

    @TempDir
    Path dir;
    private ApiHub hub;
    private String admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws Exception {
        hub = ApiHub.start(dir);
        admin = hub.mint(ScopeSets.ADMIN);
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
    }

    /** A browser's login: mint the link with the operator token, visit it; returns the cookie value. */
    private String login() throws Exception {
        HttpResponse<String> visit = visit(loginLink());
        assertEquals(303, visit.statusCode(), visit.body());
        String setCookie = visit.headers().firstValue("set-cookie").orElseThrow();
        Matcher value = Pattern.compile(Pattern.quote(cookieName()) + "=([A-Za-z0-9_-]{43});").matcher(setCookie);
        assertTrue(value.find(), setCookie);
        return value.group(1);
    }

    private String loginLink() throws Exception {
        ApiHub.Reply minted = hub.post("/api/dashboard/login-link", admin);
        assertEquals(200, minted.status(), minted.body());
        return minted.json().getString("url");
    }

    private HttpResponse<String> visit(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String cookieName() {
        return SessionCookie.name(hub.hub.uri("/").getPort()); // the port it is served on, learned from the first request
    }

    private HttpResponse<String> browser(String method, String path, String cookie, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(hub.hub.uri(path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            request.header("Cookie", cookieName() + "=" + cookie);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrfOf(String cookie) throws Exception {
        HttpResponse<String> page = browser("GET", "/", cookie, Map.of());
        Matcher csrf = CSRF_META.matcher(page.body());
        assertTrue(csrf.find(), page.body());
        return csrf.group(1);
    }

    private static void assertCode(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"error\":\"" + code + "\""), response.body());
    }

    @Test
    void withoutASessionTheRootPageOnlySaysHowToGetIn() throws Exception {
        ApiHub.Module module = hub.install("secretmod", Map.of());
        HttpResponse<String> page = browser("GET", "/", null, Map.of());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("parachute dashboard"), page.body());
        assertFalse(page.body().contains(module.shortName()), page.body());
        assertFalse(page.body().contains("csrf-token"), page.body());
        assertEquals("DENY", page.headers().firstValue("x-frame-options").orElse(""));
        assertTrue(page.headers().firstValue("content-security-policy").orElse("").contains("frame-ancestors 'none'"));
        // a forged or stale cookie is no session either
        assertFalse(browser("GET", "/", "A".repeat(43), Map.of()).body().contains("csrf-token"));
    }

    @Test
    void theLoginLinkNeedsTheAdminBearerAndWorksExactlyOnce() throws Exception {
        assertEquals(401, hub.send("POST", "/api/dashboard/login-link", null).status());
        hub.post("/api/dashboard/login-link", hub.mint(ScopeSets.AUTH)).assertError(403, "insufficient_scope");

        ApiHub.Reply minted = hub.post("/api/dashboard/login-link", admin);
        JsonObject link = minted.json();
        String url = link.getString("url");
        assertTrue(url.matches("http://127\\.0\\.0\\.1:" + hub.hub.uri("/").getPort() + "/login\\?code=[A-Za-z0-9_-]{43}"), url);
        assertEquals(60, link.getInt("expires_in"));

        HttpResponse<String> first = visit(url);
        assertEquals(303, first.statusCode());
        assertEquals(hub.hub.uri("/").toString(), first.headers().firstValue("location").orElse(""));
        String setCookie = first.headers().firstValue("set-cookie").orElseThrow();
        for (String attribute : new String[] {"HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=604800"}) {
            assertTrue(setCookie.contains(attribute), setCookie);
        }

        HttpResponse<String> second = visit(url);
        assertEquals(401, second.statusCode());
        assertTrue(second.body().contains("already used"), second.body());
        assertTrue(second.headers().firstValue("set-cookie").isEmpty());
        assertEquals(401, visit(hub.hub.uri("/login?code=nonsense").toString()).statusCode());
        assertEquals(401, visit(hub.hub.uri("/login").toString()).statusCode());
    }

    @Test
    void aSessionOpensTheDashboardWithItsCsrfTokenEmbedded() throws Exception {
        String cookie = login();
        HttpResponse<String> page = browser("GET", "/", cookie, Map.of());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"ui/app.js\""), page.body());
        String csrf = csrfOf(cookie);
        assertFalse(csrf.equals(cookie));
        HttpResponse<String> script = browser("GET", "/ui/app.js", null, Map.of());
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("content-type").orElse("").startsWith("text/javascript"));
        String etag = script.headers().firstValue("etag").orElseThrow();
        assertEquals(304, browser("GET", "/ui/app.js", null, Map.of("If-None-Match", etag)).statusCode());
        assertEquals(404, browser("GET", "/ui/dashboard.html", null, Map.of()).statusCode()); // the template is not an asset
        int climb = browser("GET", "/ui/..%2FWEB-INF%2Fweb.xml", null, Map.of()).statusCode();
        assertTrue(climb == 400 || climb == 404, "status " + climb);
    }

    @Test
    void stateChangesNeedTheCsrfTokenAndTheDashboardsOwnOrigin() throws Exception {
        String cookie = login();
        String csrf = csrfOf(cookie);
        String start = "/ui/api/modules/nosuch/start";
        assertCode(browser("POST", start, null, Map.of("X-CSRF-Token", csrf)), 401, "no_session");
        assertCode(browser("POST", start, cookie, Map.of()), 403, "csrf_token_invalid");
        assertCode(browser("POST", start, cookie, Map.of("X-CSRF-Token", csrf + "x")), 403, "csrf_token_invalid");
        assertCode(browser("POST", start, cookie, Map.of("X-CSRF-Token", cookie)), 403, "csrf_token_invalid");
        assertCode(browser("POST", start, cookie, Map.of("X-CSRF-Token", csrf, "Origin", "http://evil.example")),
                403, "cross_origin_request");
        assertCode(browser("POST", start, cookie, Map.of("X-CSRF-Token", csrf, "Sec-Fetch-Site", "cross-site")),
                403, "cross_origin_request");
        assertCode(browser("POST", start, cookie, Map.of("X-CSRF-Token", csrf, "Sec-Fetch-Site", "same-site")),
                403, "cross_origin_request");
        assertCode(browser("POST", "/logout", cookie, Map.of()), 403, "csrf_token_invalid");
        // with all of it, the request reaches the operation (which answers for the unknown module)
        String origin = "http://" + hub.hub.uri("/").getAuthority();
        assertCode(browser("POST", start, cookie, Map.of("X-CSRF-Token", csrf, "Origin", origin, "Sec-Fetch-Site", "same-origin")),
                400, "not_installed");
        // reading needs no token
        assertEquals(200, browser("GET", "/ui/api/session", cookie, Map.of()).statusCode());
    }

    @Test
    void aCookieNeverOpensTheBearerApiAndABearerNeverOpensTheBrowserRoutes() throws Exception {
        String cookie = login();
        String csrf = csrfOf(cookie);
        assertCode(browser("GET", "/api/modules", cookie, Map.of()), 401, "unauthenticated");
        assertCode(browser("POST", "/api/modules/nosuch/start", cookie, Map.of("X-CSRF-Token", csrf)), 401, "unauthenticated");
        assertCode(browser("POST", "/api/dashboard/login-link", cookie, Map.of("X-CSRF-Token", csrf)), 401, "unauthenticated");
        assertCode(browser("POST", "/ui/api/modules/nosuch/start", null, Map.of("Authorization", "Bearer " + admin)),
                401, "no_session");
        assertCode(browser("GET", "/api/events", null, Map.of("Authorization", "Bearer " + admin)), 401, "no_session");
        // and a bearer call needs no CSRF token: it reaches the operation
        hub.post("/api/modules/nosuch/start", admin).assertError(400, "not_installed");
    }

    @Test
    void logoutAndRevokeAllEndSessions() throws Exception {
        String one = login();
        String two = login();
        assertEquals(204, browser("POST", "/logout", one, Map.of("X-CSRF-Token", csrfOf(one))).statusCode());
        assertCode(browser("GET", "/ui/api/session", one, Map.of()), 401, "no_session");
        assertEquals(200, browser("GET", "/ui/api/session", two, Map.of()).statusCode());

        String unused = loginLink();
        assertEquals(1, hub.hub.lifecycle().sessions().revokeAll()); // what `auth revoke --all-operator` calls
        assertCode(browser("GET", "/ui/api/session", two, Map.of()), 401, "no_session");
        assertFalse(browser("GET", "/", two, Map.of()).body().contains("csrf-token"));
        assertEquals(401, visit(unused).statusCode());
    }

    @Test
    void theEventStreamSaysHelloThenPushesAModuleStartAndItsLogLines() throws Exception {
        ApiHub.Module module = hub.install("streamed", Map.of("TM_ECHO", "hello-from-streamed"));
        String cookie = login();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(hub.hub.uri("/api/events?logs=streamed"))
                .header("Cookie", cookieName() + "=" + cookie).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String hello = nextEvent(events, "hello");
            assertTrue(hello.contains("\"shortName\":\"" + module.shortName() + "\""), hello);
            assertTrue(hello.contains(hub.hub.lifecycle().instance().id()), hello);

            hub.track(hub.post("/api/modules/streamed/start", admin).json().getJsonObject("state"));
            String running = nextEventContaining(events, "module", "\"state\":\"running\"");
            assertTrue(running.contains("\"sentAt\":"), running);
            String line = nextEventContaining(events, "log", "hello-from-streamed");
            assertTrue(line.contains("\"shortName\":\"streamed\""), line);
        }
    }

    /** The data of the next event named {@code name} (bounded: the reader's stream ends with the test's timeout). */
    private static String nextEvent(BufferedReader events, String name) throws Exception {
        return nextEventContaining(events, name, "");
    }

    private static String nextEventContaining(BufferedReader events, String name, String text) throws Exception {
        CompletableFuture<String> found = CompletableFuture.supplyAsync(() -> {
            try {
                String event = null;
                for (String line; (line = events.readLine()) != null; ) {
                    if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ") && name.equals(event) && line.contains(text)) {
                        return line.substring(6);
                    }
                }
                throw new AssertionError("stream ended before a " + name + " event with " + text);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        return found.get(15, TimeUnit.SECONDS);
    }
}

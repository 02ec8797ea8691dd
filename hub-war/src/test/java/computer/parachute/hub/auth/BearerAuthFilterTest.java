package computer.parachute.hub.auth;

import computer.parachute.hub.core.token.HubOrigins;
import computer.parachute.hub.core.token.MintedToken;
import computer.parachute.hub.core.token.MutableClock;
import computer.parachute.hub.core.token.OperatorTokens;
import computer.parachute.hub.core.token.TokenFixture;
import computer.parachute.hub.core.token.TokenVerifier;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.glassfish.jersey.jsonb.JsonBindingFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The filter in a real Jersey app on a real embedded Jetty (loopback, port 0), driven over HTTP with the
 * hostile-token corpus. Mint and validation share one injected clock (#784).
 */
class BearerAuthFilterTest {
    private static final Instant START = Instant.parse("2026-04-26T12:00:00Z");
    private static final String PUBLIC_ORIGIN = "https://hub.example.org";
    /** Above Jetty's 8 KiB default so the 10 kB garbage header reaches the filter (see the report). */
    private static final int REQUEST_HEADER_BYTES = 32 * 1024;

    @TempDir
    static Path dir;
    private static TokenFixture fixture;
    private static Server server;
    private static int port;
    private static final Jsonb JSON = JsonbBuilder.create();

    @BeforeAll
    static void start() throws Exception {
        fixture = new TokenFixture(dir, new MutableClock(START));
        server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new ServletContainer(application())), "/*");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    private static ResourceConfig application() {
        TokenVerifier verifier = fixture.services.verifier();
        // the production shape: issuers asked per request, from the bound port and the configured origin
        AcceptedIssuers issuers = () -> HubOrigins.acceptedIssuers(1939, Optional.of(PUBLIC_ORIGIN));
        return new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)
                .register(JsonBindingFeature.class)
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(verifier).to(TokenVerifier.class);
                        bind(issuers).to(AcceptedIssuers.class);
                    }
                })
                .register(BearerAuthFilter.class)
                .register(BearerChallengeFilter.class)
                .register(TestErrorMappers.ApiErrors.class)
                .register(TestErrorMappers.Unexpected.class)
                .register(ScopedTestResource.class)
                .register(ScopedTestResource.ClassScoped.class);
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        fixture.close();
    }

    @BeforeEach
    void resetClock() {
        fixture.clock.set(START);
    }

    @Test
    void anAdminTokenPassesAndTheResourceSeesTheVerifiedToken() throws Exception {
        MintedToken minted = fixture.mint("admin");
        Reply reply = get("/t/admin", "Bearer " + minted.token());
        assertEquals(200, reply.status, reply.body);
        Map<?, ?> body = JSON.fromJson(reply.body, Map.class);
        assertEquals("operator", body.get("sub"));
        assertEquals(minted.jti(), body.get("jti"));
        assertEquals("Bearer", body.get("scheme"));
        assertEquals(true, body.get("admin"));
    }

    @Test
    void schemeIsCaseInsensitiveAndSurroundingSpacesAreTolerated() throws Exception {
        String token = fixture.mint("admin").token();
        for (String header : new String[] {"bearer " + token, "BEARER " + token, "Bearer    " + token + "  ",
                "  Bearer\t" + token}) {
            assertEquals(200, get("/t/admin", header).status, header);
        }
    }

    @Test
    void missingOrEmptyOrNonBearerCredentialsAreUnauthenticated() throws Exception {
        expect(get("/t/admin", null), 401, "unauthenticated", "Authorization: Bearer <token> required");
        assertEquals("Bearer realm=\"parachute-hub\"", get("/t/admin", null).challenge);
        expect(get("/t/admin", "Basic b3A6cGFzcw=="), 401, "unauthenticated", "Authorization: Bearer <token> required");
        expect(get("/t/admin", "Bearertoken"), 401, "unauthenticated", "Authorization: Bearer <token> required");
        expect(get("/t/admin", "Bearer"), 401, "unauthenticated", "empty bearer token");
        Reply spaces = get("/t/admin", "Bearer    ");
        expect(spaces, 401, "unauthenticated", "empty bearer token");
        assertEquals("Bearer realm=\"parachute-hub\", error=\"invalid_request\"", spaces.challenge);
    }

    @Test
    void anExpiredTokenIsTokenExpiredWithTheRotateHint() throws Exception {
        String token = fixture.mint("admin").token();
        fixture.clock.advance(OperatorTokens.TTL.plusSeconds(1));
        Reply reply = get("/t/admin", "Bearer " + token);
        expect(reply, 401, "token_expired", null);
        assertTrue(reply.body.contains("parachute auth rotate-operator"), reply.body);
        assertEquals("Bearer realm=\"parachute-hub\", error=\"invalid_token\"", reply.challenge);
    }

    @Test
    void theHostileCorpusIsInvalidTokenEveryTime() throws Exception {
        Instant later = START.plus(Duration.ofHours(1));
        String good = fixture.mint("admin").token();
        MintedToken revoked = fixture.mint("admin");
        fixture.services.operatorTokens().revoke(revoked.jti());
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("not yet valid (iat)", fixture.signedByHub(b -> b.withIssuedAt(later)
                .withExpiresAt(later.plus(Duration.ofDays(1)))));
        corpus.put("not yet valid (nbf)", fixture.signedByHub(b -> b.withNotBefore(later)));
        corpus.put("wrong signature", fixture.signedByStranger());
        corpus.put("flipped signature", TokenFixture.withSignatureByte(good, 0x40));
        corpus.put("unknown kid", fixture.signedByHub(b -> b.withKeyId("nope")));
        corpus.put("alg none", fixture.algNone());
        corpus.put("HS256 keyed with the public key", fixture.hs256WithPublicKey());
        corpus.put("wrong aud", fixture.signedByHub(b -> b.withAudience("vault")));
        corpus.put("wrong iss", fixture.signedByHub(b -> b.withIssuer("https://evil.example")));
        corpus.put("revoked", revoked.token());
        corpus.put("truncated", good.substring(0, good.length() - 20));
        corpus.put("two segments", good.substring(0, good.lastIndexOf('.')));
        corpus.put("10 kB garbage", "A".repeat(10 * 1024));
        corpus.put("token with a space", "abc def");
        for (Map.Entry<String, String> entry : corpus.entrySet()) {
            Reply reply = get("/t/admin", "Bearer " + entry.getValue());
            assertEquals(401, reply.status, entry.getKey() + ": " + reply.body);
            assertEquals("invalid_token", reply.error().get("error"), entry.getKey());
            assertEquals("Bearer realm=\"parachute-hub\", error=\"invalid_token\"", reply.challenge, entry.getKey());
            assertTrue(!reply.body.contains("com.auth0") && !reply.body.contains("Exception"), reply.body);
        }
    }

    @Test
    void theConfiguredPublicOriginAndEveryLoopbackAliasAreAcceptedIssuers() throws Exception {
        for (String issuer : HubOrigins.acceptedIssuers(1939, Optional.of(PUBLIC_ORIGIN))) {
            String token = fixture.services.operatorTokens().mint("admin", "operator", issuer, "test").token();
            assertEquals(200, get("/t/admin", "Bearer " + token).status, issuer);
        }
    }

    @Test
    void aNarrowScopeSetIsForbiddenWhereAdminIsRequiredButPassesItsOwnScope() throws Exception {
        String auth = fixture.mint("auth").token();
        Reply reply = get("/t/admin", "Bearer " + auth);
        expect(reply, 403, "insufficient_scope", "bearer token lacks parachute:host:admin");
        assertEquals("Bearer realm=\"parachute-hub\", error=\"insufficient_scope\", scope=\"parachute:host:admin\"",
                reply.challenge);
        assertEquals(200, get("/t/auth", "Bearer " + auth).status);
        assertEquals(200, get("/t/auth", "Bearer " + fixture.mint("admin").token()).status);
        expect(get("/class", "Bearer " + auth), 403, "insufficient_scope", "bearer token lacks parachute:host:start");
        assertEquals(200, get("/class", "Bearer " + fixture.mint("start").token()).status);
    }

    @Test
    void unannotatedResourcesAreNotGuarded() throws Exception {
        Reply reply = get("/t/open", null);
        assertEquals(200, reply.status);
        assertNull(reply.challenge);
    }

    /** The hand scan gives what {@code strip()} then {@code split("\\s+", 2)} gave, for every awkward spelling. */
    @Test
    void theHeaderScanAgreesWithTheRegexSplitItReplaced() {
        List<String> corpus = new java.util.ArrayList<>(List.of("", " ", "Bearer", "bearer", "BEARER", "Bearer ",
                "Bearer x", "bearer\tx", "BeArEr \t\n\u000b\f\r x y", "Bearer  x ", "Bearerx", "Bear x",
                "Basic x", " Bearer x", "Bearer\u2003x", "Bearer \u2003", "Bearer \u00a0x", "\u0130earer x",
                "B\u0435arer x", "bearer\u001cx", "Bearer \u001c", "Bearer x\u2003y", "Bearer\u000bx"));
        for (String c : List.of(" ", "\t", "\u000b", "\u2003", "\u00a0", "\u001f", "")) {
            corpus.add("Bearer" + c + "tok" + c);
            corpus.add(c + "bearer" + c + c + "tok en" + c);
        }
        java.util.regex.Pattern whitespace = java.util.regex.Pattern.compile("\\s+");
        for (String header : corpus) {
            String[] parts = whitespace.split(header.strip(), 2);
            String expected = !parts[0].toLowerCase(java.util.Locale.ROOT).equals("bearer") ? null
                    : parts.length < 2 || parts[1].isBlank() ? "" : parts[1].strip();
            assertEquals(expected, BearerAuthFilter.tokenIn(header), () -> "header " + header.chars().boxed().toList());
        }
        assertNull(BearerAuthFilter.tokenIn(null));
    }

    private static void expect(Reply reply, int status, String error, String description) {
        assertEquals(status, reply.status, reply.body);
        assertEquals(Set.of("error", "error_description"), reply.error().keySet(), reply.body);
        assertEquals(error, reply.error().get("error"), reply.body);
        if (description != null) {
            assertEquals(description, reply.error().get("error_description"), reply.body);
        }
    }

    private record Reply(int status, String body, String challenge) {
        Map<?, ?> error() {
            return JSON.fromJson(body, Map.class);
        }
    }

    private static Reply get(String path, String authorization) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                .openConnection();
        try {
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(10_000);
            if (authorization != null) {
                connection.setRequestProperty("Authorization", authorization);
            }
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(status, body, connection.getHeaderField("WWW-Authenticate"));
        } finally {
            connection.disconnect();
        }
    }
}

package computer.parachute.hub.launcher;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import computer.parachute.hub.core.token.CreatedVia;
import computer.parachute.hub.core.token.MintedToken;
import computer.parachute.hub.core.token.OperatorTokens;
import computer.parachute.hub.core.token.SigningKey;
import computer.parachute.hub.core.token.TokenFixture;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static computer.parachute.hub.launcher.CorpusCase.bearer;
import static computer.parachute.hub.launcher.CorpusCase.http;
import static computer.parachute.hub.launcher.CorpusCase.raw;

/**
 * The hostile-request tables of the corpus, crossed into cases: tokens × endpoints, module names × operations,
 * methods × endpoints, content types, bodies and malformed HTTP. {@code ghost} is a valid name with no row.
 */
final class CorpusTables {
    /** The launcher keeps Jetty's 8 KiB request-header limit: 10 kB of token is refused by the parser. */
    private static final int HUGE_TOKEN_CHARS = 10_000;
    private static final int BIG_TOKEN_CHARS = 7_000;
    private static final int OVERSIZED_BODY_BYTES = 70_000;

    /** method, target, the admin answer's status and code (ghost is valid but not installed). */
    record Endpoint(String method, String target, boolean catalog) {}

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/modules", true), new Endpoint("GET", "/api/modules/ghost", false),
            new Endpoint("POST", "/api/modules/ghost/start", false), new Endpoint("POST", "/api/modules/ghost/stop", false),
            new Endpoint("POST", "/api/modules/ghost/restart", false), new Endpoint("GET", "/api/modules/ghost/logs", false),
            new Endpoint("GET", "/api/modules/ghost/logs?follow=1", false));

    private final TokenFixture fixture;
    private final String issuer;
    private final String admin;

    CorpusTables(TokenFixture fixture, String issuer, String admin) {
        this.fixture = fixture;
        this.issuer = issuer;
        this.admin = admin;
    }

    List<CorpusCase> all() {
        List<CorpusCase> cases = new ArrayList<>(tokens());
        cases.addAll(names());
        cases.addAll(methods());
        cases.addAll(contentTypesAndBodies());
        cases.addAll(malformedHttp());
        cases.addAll(foreignHosts());
        return cases;
    }

    /** Authorization header value → expected code for every endpoint (401s), plus the scope cases. */
    private Map<String, String> rejectedHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("none", null);
        for (String value : List.of("Bearer", "Bearer    ", "bearer\t", "Basic YWRtaW46YWRtaW4=", "Token abc", "Digest x",
                "BearerX " + admin, admin, "Bearer:" + admin)) {
            headers.put("unauthenticated " + value.length(), value);
        }
        return headers;
    }

    private Map<String, String> invalidTokens() {
        Instant now = Instant.now();
        SigningKey key = fixture.services.signingKeys().activeKey();
        Algorithm hub = Algorithm.RSA256(key.publicKey(), key.privateKey());
        KeyPair stranger = TokenFixture.rsaPair();
        Algorithm strangerKey = Algorithm.RSA256((RSAPublicKey) stranger.getPublic(), (RSAPrivateKey) stranger.getPrivate());
        MintedToken revoked = fixture.services.operatorTokens().mint("admin", OperatorTokens.DEFAULT_SUBJECT, issuer, CreatedVia.OPERATOR_MINT);
        fixture.services.operatorTokens().revoke(revoked.jti());
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("not yet valid (nbf)", fixture.signedByHub(b -> b.withIssuer(issuer).withNotBefore(now.plus(Duration.ofHours(1)))));
        tokens.put("issued in the future", fixture.signedByHub(b -> b.withIssuer(issuer).withIssuedAt(now.plus(Duration.ofDays(1)))));
        tokens.put("wrong signature", fixture.signedByStranger());
        tokens.put("flipped signature byte", TokenFixture.withSignatureByte(admin, 0x01));
        tokens.put("unknown kid", fixture.operatorClaims("no-such-kid").withIssuer(issuer).sign(strangerKey));
        tokens.put("no kid", JWT.create().withIssuer(issuer).withSubject("operator").withAudience("operator")
                .withExpiresAt(now.plus(Duration.ofDays(1))).withIssuedAt(now).withJWTId("j").sign(hub));
        tokens.put("alg none", fixture.algNone());
        tokens.put("HS256 keyed with the public key", fixture.hs256WithPublicKey());
        tokens.put("wrong aud", fixture.signedByHub(b -> b.withIssuer(issuer).withAudience("somebody-else")));
        tokens.put("wrong iss", fixture.signedByHub(b -> b.withIssuer("http://evil.example:1939")));
        tokens.put("no exp", JWT.create().withKeyId(key.kid()).withIssuer(issuer).withSubject("operator")
                .withAudience("operator").withIssuedAt(now).withJWTId("no-exp").withClaim("scope", "parachute:host:admin").sign(hub));
        tokens.put("revoked", revoked.token());
        tokens.put("hub's key, never minted (unknown jti)", fixture.signedByHub(b -> b.withIssuer(issuer)));
        tokens.put("recorded but lives 91 days", fixture.issuedByHub(b -> b.withIssuer(issuer).withIssuedAt(now)
                .withExpiresAt(now.plus(Duration.ofDays(91)))));
        tokens.put("truncated", admin.substring(0, admin.length() - 10));
        tokens.put("two segments", admin.substring(0, admin.lastIndexOf('.')));
        tokens.put("7 kB garbage", "x".repeat(BIG_TOKEN_CHARS));
        tokens.put("a.b.c", "a.b.c");
        tokens.put("dots", "....");
        tokens.put("unicode", "✓✓✓.✓.✓");
        tokens.put("token and trailing word", admin + " extra");
        tokens.put("json instead of jwt", "{\"alg\":\"none\"}");
        return tokens;
    }

    private List<CorpusCase> tokens() {
        List<CorpusCase> cases = new ArrayList<>();
        String expired = fixture.signedByHub(b -> b.withIssuer(issuer).withIssuedAt(Instant.now().minus(Duration.ofDays(91)))
                .withExpiresAt(Instant.now().minus(Duration.ofDays(1))));
        String authOnly = fixture.services.operatorTokens().mint("auth", "operator", issuer, CreatedVia.OPERATOR_MINT).token();
        String startOnly = fixture.services.operatorTokens().mint("start", "operator", issuer, CreatedVia.OPERATOR_MINT).token();
        for (Endpoint e : ENDPOINTS) {
            String where = e.method() + " " + e.target();
            rejectedHeaders().forEach((name, value) -> cases.add(http("auth " + name + " → " + where, e.method(), e.target(),
                    bearer(value), null, 401, "unauthenticated")));
            invalidTokens().forEach((name, token) -> cases.add(http("token " + name + " → " + where, e.method(), e.target(),
                    bearer("Bearer " + token), null, 401, "invalid_token")));
            cases.add(http("token expired → " + where, e.method(), e.target(), bearer("Bearer " + expired), null, 401, "token_expired"));
            cases.add(http("token 10 kB garbage → " + where, e.method(), e.target(),
                    bearer("Bearer " + "g".repeat(HUGE_TOKEN_CHARS)), null, 431, "request_header_fields_too_large"));
            cases.add(e.catalog()
                    ? http("auth-only token → " + where, e.method(), e.target(), bearer("Bearer " + authOnly), null, 200, null)
                    : http("auth-only token → " + where, e.method(), e.target(), bearer("Bearer " + authOnly), null, 403, "insufficient_scope"));
            cases.add(http("start-only token → " + where, e.method(), e.target(), bearer("Bearer " + startOnly), null, 403, "insufficient_scope"));
        }
        return cases;
    }

    /** Module names that must never reach the Supervisor or the file system, each on three operations. */
    private List<CorpusCase> names() {
        Map<String, String[]> names = new LinkedHashMap<>();
        String invalid = "400 invalid_module";
        String bad = "400 bad_request";
        for (String name : List.of("..", ".", "caf%C3%A9", "x".repeat(300), "%E2%80%AEx", "A", "-a", "_a", "a%20b",
                "a%3Bb", "~", "*", "a..b", "%D0%B0", "a%7Cb", "a'b", "a%22b", "%F0%9F%92%A9", "a%2Bb")) {
            names.put(name, invalid.split(" "));
        }
        // Jetty refuses encoded separators, encoded dot segments and control characters before routing
        for (String name : List.of("a%2Fb", "%2e%2e%2fetc", "a%00b", "a%0Ab", "a%0Db", "a%09b", "a%7Fb", "..%2F..%2Fetc",
                "%2e%2e", "%2E%2e", "%2e", "a%5Cb", "%252e%252e")) {
            names.put(name, bad.split(" "));
        }
        List<CorpusCase> cases = new ArrayList<>();
        names.forEach((name, expected) -> {
            for (String[] op : new String[][] {{"GET", ""}, {"POST", "/start"}, {"GET", "/logs"}}) {
                cases.add(http("name " + name + " → " + op[0] + op[1], op[0], "/api/modules/" + name + op[1],
                        bearer("Bearer " + admin), null, Integer.parseInt(expected[0]), expected[1]));
            }
        });
        // a path parameter is not part of the segment: "a;b" names the (valid, not installed) module "a"
        String auth = bearer("Bearer " + admin);
        cases.add(http("name a;b → GET", "GET", "/api/modules/a;b", auth, null, 404, "not_found"));
        cases.add(http("name a;b → POST/start", "POST", "/api/modules/a;b/start", auth, null, 400, "not_installed"));
        cases.add(http("name a;b → GET/logs", "GET", "/api/modules/a;b/logs", auth, null, 404, "not_supervised"));
        return cases;
    }

    private List<CorpusCase> methods() {
        List<CorpusCase> cases = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (String method : List.of("PUT", "DELETE", "PATCH", e.method().equals("GET") ? "POST" : "GET")) {
                cases.add(http("method " + method + " " + e.target(), method, e.target(), bearer("Bearer " + admin),
                        method.equals("PUT") || method.equals("PATCH") || method.equals("POST") ? "{}" : null, 405, "method_not_allowed"));
            }
        }
        return cases;
    }

    private List<CorpusCase> contentTypesAndBodies() {
        List<CorpusCase> cases = new ArrayList<>();
        String auth = bearer("Bearer " + admin);
        for (String type : List.of("text/html", "application/xml", "multipart/form-data; boundary=x", "%%%garbage",
                "application/json; charset=bogus-9", "application/x-www-form-urlencoded", "", "text/plain")) {
            cases.add(http("content-type " + type, "POST", "/api/modules/ghost/start", auth + "Content-Type: " + type + "\r\n",
                    "{\"not\": json", 400, type.isEmpty() || type.startsWith("%") ? "bad_request" : "not_installed"));
        }
        cases.add(http("accept garbage", "GET", "/api/modules", auth + "Accept: %%%;;==\r\n", null, 400, "bad_request"));
        for (String accept : List.of("text/html", "application/xml", "image/png")) {
            cases.add(http("accept " + accept, "GET", "/api/modules", auth + "Accept: " + accept + "\r\n", null, 406, "not_acceptable"));
        }
        String big = "x".repeat(OVERSIZED_BODY_BYTES);
        cases.add(http("oversized body with Content-Length", "POST", "/api/modules/ghost/start", auth, big, 413, "payload_too_large"));
        String start = "POST /api/modules/ghost/start HTTP/1.1\r\n" + CorpusCase.HOST + "Connection: close\r\n" + auth;
        cases.add(raw("oversized chunked body", start + "Transfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n", false, 413, "payload_too_large"));
        cases.add(raw("oversized declared, nothing sent", start + "Content-Length: 10000000\r\n\r\n", true, 413, "payload_too_large"));
        cases.add(raw("truncated body", start + "Content-Length: 100\r\n\r\n{\"a\":", true, 400, "not_installed"));
        cases.add(raw("truncated chunked body", start + "Transfer-Encoding: chunked\r\n\r\n64\r\n{\"a\":", true, 400, "bad_request"));
        cases.add(raw("Content-Length not a number", start + "Content-Length: abc\r\n\r\n", false, 400, "bad_request"));
        cases.add(raw("negative Content-Length", start + "Content-Length: -5\r\n\r\n", false, 400, "bad_request"));
        cases.add(raw("two Content-Lengths", start + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", false, 400, "bad_request"));
        cases.add(raw("bad chunk size", start + "Transfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n0\r\n\r\n", false, 400, "bad_request"));
        return cases;
    }

    private List<CorpusCase> malformedHttp() {
        List<CorpusCase> cases = new ArrayList<>();
        String health = "GET /health HTTP/1.1\r\n" + CorpusCase.HOST + "Connection: close\r\n";
        cases.add(raw("garbage request line", "GARBAGE\r\n\r\n", false, 400, "bad_request"));
        // HTTP/0.9 has no version: Jetty's parser answers 505 (with our JSON body), the protocol's own word for it
        cases.add(raw("request line without version", "GET /health\r\n\r\n", false, 505, "http_505"));
        cases.add(raw("no Host header", "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n", false, 400, "bad_request"));
        cases.add(raw("header without colon", health + "NoColonHere\r\n\r\n", false, 400, "bad_request"));
        cases.add(raw("NUL in a header", health + "X-A: a\u0000b\r\n\r\n", false, 400, "bad_request"));
        cases.add(raw("obsolete line folding", health + "X-A: a\r\n b\r\n\r\n", false, 400, "bad_request"));
        cases.add(raw("space before colon", health + "X-A : b\r\n\r\n", false, 400, "bad_request"));
        cases.add(raw("huge header", health + "X-Big: " + "a".repeat(20_000) + "\r\n\r\n", false, 431, "request_header_fields_too_large"));
        cases.add(raw("header flood", health + "X-Flood: 0123456789\r\n".repeat(2_000) + "\r\n", false, 431, "request_header_fields_too_large"));
        cases.add(raw("10 kB URI", "GET /api/modules/" + "a".repeat(10_000) + " HTTP/1.1\r\n" + CorpusCase.HOST + "\r\n", false, 414, "uri_too_long"));
        cases.add(raw("ambiguous encoded dot segment", "GET /health/%2e%2e/api HTTP/1.1\r\n" + CorpusCase.HOST
                + "Connection: close\r\n\r\n", false, 400, "bad_request"));
        cases.add(raw("absolute URI to another host", "GET http://example.org/health HTTP/1.1\r\n" + CorpusCase.HOST
                + "Connection: close\r\n\r\n", false, 400, "bad_request"));
        cases.add(raw("unknown path", health.replace("/health", "/etc/passwd") + "\r\n", false, 404, "not_found"));
        // NoTraceFilter refuses TRACE on every path, known or not, before the proxy or Jersey see it
        for (String target : List.of("/health", "/api/modules", "/nowhere")) {
            cases.add(raw("TRACE " + target, health.replace("GET /health", "TRACE " + target) + "\r\n", false, 405,
                    "method_not_allowed"));
        }
        cases.add(raw("unknown path with traversal", health.replace("/health", "/../../etc/passwd") + "\r\n", false, 400, "bad_request"));
        return cases;
    }

    /** DESIGN §12: a Host a hostile page could rebind to 127.0.0.1 is refused on every endpoint, token or not. */
    private List<CorpusCase> foreignHosts() {
        List<CorpusCase> cases = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (String host : List.of("evil.example", "evil.example:1939", "127.0.0.1.evil.example", "0.0.0.0", "[::]")) {
                cases.add(raw("Host " + host + " → " + e.method() + " " + e.target(), e.method() + " " + e.target()
                        + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n" + bearer("Bearer " + admin) + "\r\n",
                        false, 421, "misdirected_request"));
            }
        }
        return cases;
    }
}

package computer.parachute.hub.api;

import computer.parachute.hub.core.token.ScopeSets;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every error code of the module-ops API (DESIGN §6, reference §3.3–§3.4) against the real app: status and the
 * whole JSON body. No case here spawns a module; {@link ModuleOpsLifecycleTest} covers running ones.
 */
class ModuleOpsErrorsTest {
    private static final List<String[]> ADMIN_ENDPOINTS = List.of(
            new String[] {"GET", "/api/modules/vault"}, new String[] {"POST", "/api/modules/vault/start"},
            new String[] {"POST", "/api/modules/vault/stop"}, new String[] {"POST", "/api/modules/vault/restart"},
            new String[] {"GET", "/api/modules/vault/logs"}, new String[] {"GET", "/api/modules/vault/logs?follow=1"});
    private static final int LIMIT = RequestBodyLimitFilter.MAX_BODY_BYTES;

    @TempDir
    static Path dir;
    private static ApiHub hub;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        hub = ApiHub.start(dir);
        admin = hub.mint(ScopeSets.ADMIN);
    }

    @AfterAll
    static void stop() throws Exception {
        hub.close();
    }

    @Test
    void noOrEmptyOrForeignSchemeIs401Unauthenticated() throws Exception {
        for (String[] endpoint : withCatalog()) {
            JsonObject none = hub.send(endpoint[0], endpoint[1], null).assertError(401, "unauthenticated");
            assertEquals("Authorization: Bearer <token> required", none.getString("error_description"));
            for (String empty : List.of("Bearer", "bearer", "Bearer  ", "BEARER\t")) {
                ApiHub.Reply reply = hub.send(endpoint[0], endpoint[1], empty);
                assertEquals("empty bearer token", reply.assertError(401, "unauthenticated").getString("error_description"));
            }
            hub.send(endpoint[0], endpoint[1], "Basic " + admin).assertError(401, "unauthenticated");
            hub.send(endpoint[0], endpoint[1], admin).assertError(401, "unauthenticated"); // no scheme at all
        }
        ApiHub.Reply challenged = hub.send("GET", "/api/modules", null);
        assertTrue(challenged.raw().headers().firstValue("www-authenticate").orElse("").startsWith("Bearer realm="),
                () -> challenged.raw().headers().map().toString());
    }

    @Test
    void theSchemeIsCaseInsensitive() throws Exception {
        for (String scheme : List.of("Bearer ", "bearer ", "BEARER ", "bEaReR   ")) {
            ApiHub.Reply reply = hub.send("GET", "/api/modules", scheme + admin);
            assertEquals(200, reply.status(), reply.body());
        }
    }

    @Test
    void badTokensAre401InvalidTokenAndExpiredOnesTokenExpired() throws Exception {
        Instant now = Instant.now();
        String expired = hub.mintAt(Clock.fixed(now.minus(Duration.ofDays(91)), ZoneOffset.UTC), ScopeSets.ADMIN);
        String notYet = hub.mintAt(Clock.fixed(now.plus(Duration.ofDays(1)), ZoneOffset.UTC), ScopeSets.ADMIN);
        String revoked = hub.mint(ScopeSets.ADMIN);
        String jti = com.auth0.jwt.JWT.decode(revoked).getId();
        assertTrue(hub.hub.lifecycle().tokens().operatorTokens().revoke(jti));
        for (String[] endpoint : withCatalog()) {
            String text = hub.send(endpoint[0], endpoint[1], "Bearer " + expired).assertError(401, "token_expired")
                    .getString("error_description");
            assertTrue(text.startsWith("bearer token expired at ") && text.contains("parachute auth rotate-operator"), text);
            hub.send(endpoint[0], endpoint[1], "Bearer not.a.jwt").assertError(401, "invalid_token");
            hub.send(endpoint[0], endpoint[1], "Bearer " + notYet).assertError(401, "invalid_token");
            assertTrue(hub.send(endpoint[0], endpoint[1], "Bearer " + revoked).assertError(401, "invalid_token")
                    .getString("error_description").contains("revoked"));
            String flipped = admin.substring(0, admin.length() - 3) + (admin.endsWith("A") ? "BBB" : "AAA");
            hub.send(endpoint[0], endpoint[1], "Bearer " + flipped).assertError(401, "invalid_token");
        }
    }

    @Test
    void anAuthOnlyTokenReadsTheCatalogButOperatesNothing() throws Exception {
        String authOnly = hub.mint(ScopeSets.AUTH);
        assertEquals(200, hub.get("/api/modules", authOnly).status());
        for (String[] endpoint : ADMIN_ENDPOINTS) {
            JsonObject body = hub.send(endpoint[0], endpoint[1], "Bearer " + authOnly).assertError(403, "insufficient_scope");
            assertEquals("bearer token lacks parachute:host:admin", body.getString("error_description"));
        }
        String startOnly = hub.mint(ScopeSets.START);
        assertEquals("bearer token lacks parachute:host:auth",
                hub.get("/api/modules", startOnly).assertError(403, "insufficient_scope").getString("error_description"));
    }

    @Test
    void wrongMethodsAre405() throws Exception {
        String[][] wrong = {{"GET", "/api/modules/vault/start"}, {"GET", "/api/modules/vault/stop"},
                {"GET", "/api/modules/vault/restart"}, {"POST", "/api/modules/vault/logs"}, {"DELETE", "/api/modules/vault"},
                {"PUT", "/api/modules"}, {"POST", "/api/modules"}, {"POST", "/api/ready"}, {"DELETE", "/health"}};
        for (String[] request : wrong) {
            ApiHub.Reply reply = hub.send(request[0], request[1], "Bearer " + admin);
            reply.assertError(405, "method_not_allowed");
            assertTrue(reply.raw().headers().firstValue("allow").isPresent(), () -> String.join(" ", request));
        }
    }

    @Test
    void bodiesOver64KiBAre413() throws Exception {
        byte[] tooBig = new byte[LIMIT + 1];
        for (String path : List.of("/api/modules/vault/start", "/api/modules/vault/restart", "/api/modules/vault/stop")) {
            hub.send("POST", path, "Bearer " + admin, HttpRequest.BodyPublishers.ofByteArray(tooBig))
                    .assertError(413, "payload_too_large");
            hub.send("POST", path, "Bearer " + admin, HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(tooBig))).assertError(413, "payload_too_large");
        }
        // at the limit the request goes through (and fails for its own reason: vault is not installed)
        hub.send("POST", "/api/modules/vault/start", "Bearer " + admin,
                HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT])).assertError(400, "not_installed");
    }

    /** NUL, tabs and line breaks are refused by Jetty's parser before the app (the launcher's corpus covers those). */
    @Test
    void malformedModuleNamesAre400InvalidModule() throws Exception {
        for (String name : List.of("Vault", "-x", ".x", "_x", "a..b", "x".repeat(65), "caf%C3%A9", "a%20b",
                "%E2%80%AEx", "a~b", "a+b", "a%2Cb")) {
            for (String op : List.of("", "/start", "/stop", "/restart", "/logs")) {
                String method = op.isEmpty() || op.equals("/logs") ? "GET" : "POST";
                JsonObject body = hub.send(method, "/api/modules/" + name + op, "Bearer " + admin)
                        .assertError(400, "invalid_module");
                assertTrue(body.getString("error_description").contains("is not a module name"), body::toString);
                assertTrue(body.getString("error_description").chars().noneMatch(Character::isISOControl), body::toString);
            }
        }
        ApiHub.Reply longest = hub.post("/api/modules/" + "x".repeat(64) + "/stop", admin);
        assertEquals(200, longest.status(), "64 characters is still a valid name: " + longest.body());
    }

    @Test
    void aModuleWithoutARowIsNotInstalledAndNothingIsSpawned() throws Exception {
        JsonObject body = hub.post("/api/modules/ghost/start", admin).assertError(400, "not_installed");
        assertTrue(body.getString("error_description").startsWith("ghost is not installed (no services.json entry)"), body::toString);
        assertTrue(hub.hub.lifecycle().supervisor().get("ghost").isEmpty(), "no spawn for a module without a row");
        assertNull(hub.catalogRow(admin, "ghost"));
        hub.get("/api/modules/ghost", admin).assertError(404, "not_found");
    }

    @Test
    void aMalformedRegistryIsReportedAsSuchNotAsNotInstalled() throws Exception {
        Path services = hub.hub.lifecycle().registry().file();
        boolean existed = Files.exists(services);
        String before = existed ? Files.readString(services) : null;
        try {
            for (String broken : List.of("{\"services\": [ this is not json", "{\"services\": [{\"name\": \"ghost\"}]}",
                    "{\"services\": 5}")) {
                Files.writeString(services, broken);
                for (String[] call : List.of(new String[] {"POST", "/api/modules/ghost/start"},
                        new String[] {"GET", "/api/modules/ghost"})) {
                    JsonObject body = hub.send(call[0], call[1], "Bearer " + admin).assertError(409, "registry_invalid");
                    String text = body.getString("error_description");
                    assertTrue(text.startsWith(services + ": ") && text.contains("fix the file"), broken + " → " + text);
                }
                assertEquals(broken, Files.readString(services), "never rewritten");
            }
            Files.writeString(services, "{\"services\": []}");
            hub.post("/api/modules/ghost/start", admin).assertError(400, "not_installed"); // a sound file: the truth
        } finally {
            if (existed) {
                Files.writeString(services, before);
            } else {
                Files.deleteIfExists(services);
            }
        }
    }

    @Test
    void restartAndLogsOfAnUnsupervisedModuleAre404AndStopIs200StoppedFalse() throws Exception {
        for (String path : List.of("/api/modules/ghost/logs", "/api/modules/ghost/logs?follow=1")) {
            JsonObject body = hub.get(path, admin).assertError(404, "not_supervised");
            assertEquals("ghost is not currently supervised — install or start it first", body.getString("error_description"));
        }
        hub.post("/api/modules/ghost/restart", admin).assertError(404, "not_supervised");
        ApiHub.Reply stop = hub.post("/api/modules/ghost/stop", admin);
        assertEquals(200, stop.status(), stop.body());
        assertEquals(Json.createObjectBuilder().add("short", "ghost").add("stopped", false).build(), stop.json());
    }

    @Test
    void aRowWithoutAResolvableStartCommandIs422NamingTheFile() throws Exception {
        Path cliOnly = Files.createDirectories(dir.resolve("modules/clionly"));
        hub.install("clionly", cliOnly, List.of(), Map.of());
        String text = hub.post("/api/modules/clionly/start", admin).assertError(422, "no_start_cmd").getString("error_description");
        assertTrue(text.contains("clionly has no resolvable startCmd") && text.contains(cliOnly.resolve(".parachute/module.json").toString()), text);

        Path broken = Files.createDirectories(dir.resolve("modules/broken"));
        hub.install("broken", broken, List.of("x"), Map.of());
        Files.writeString(broken.resolve(".parachute/module.json"), "{\"name\": \"broken\", \"startCmd\": [");
        text = hub.post("/api/modules/broken/start", admin).assertError(422, "no_start_cmd").getString("error_description");
        assertTrue(text.contains(broken.resolve(".parachute/module.json").toString()) && text.contains("not valid JSON"), text);
        assertTrue(hub.hub.lifecycle().supervisor().get("broken").isEmpty());
        assertTrue(hub.hub.lifecycle().supervisor().get("clionly").isEmpty());
    }

    @Test
    void aFailureInsideTheOperationIs500ModuleOpFailedWithTheCause() throws Exception {
        ApiHub.Module module = hub.install("unreadable", Map.of());
        Path env = hub.hub.lifecycle().config().home().moduleEnvFile("unreadable");
        Files.delete(env);
        Files.createDirectories(env); // .env is a directory: reading it fails inside the start
        JsonObject body = hub.post("/api/modules/unreadable/start", admin).assertError(500, "module_op_failed");
        String text = body.getString("error_description");
        assertEquals("unreadable start failed: " + env + " is a directory, not a regular file", text);
        assertTrue(hub.hub.lifecycle().supervisor().get(module.shortName()).isEmpty());
    }

    private static List<String[]> withCatalog() {
        List<String[]> all = new java.util.ArrayList<>(ADMIN_ENDPOINTS);
        all.add(new String[] {"GET", "/api/modules"});
        return all;
    }
}

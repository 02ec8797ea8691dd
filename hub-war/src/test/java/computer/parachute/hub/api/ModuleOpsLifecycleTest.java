package computer.parachute.hub.api;

import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.token.ScopeSets;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static computer.parachute.hub.api.ModuleProbes.answersWithPid;
import static computer.parachute.hub.api.ModuleProbes.isAlive;
import static computer.parachute.hub.api.ModuleProbes.portIsFree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module operations on real python modules under the real Supervisor, through the real app over HTTP: start behind
 * the readiness gate, idempotence, .env, restart, stop, logs, the catalog and /api/ready. One hub for the class; each
 * test operates its own modules, all registered after the hub booted (rows added at run time need no restart).
 */
class ModuleOpsLifecycleTest {
    static final Duration DEADLINE = Duration.ofSeconds(15);

    @TempDir
    static Path dir;
    static ApiHub hub;
    static String admin;
    static ApiHub.Module booted;

    @BeforeAll
    static void start() throws Exception {
        booted = ApiHub.preinstall(dir, "booted", Map.of("TM_ECHO", "from-boot"));
        hub = ApiHub.start(dir);
        admin = hub.mint(ScopeSets.ADMIN);
        Poll.require(DEADLINE, "boot to finish", () -> !hub.hub.lifecycle().boot().isBooting());
        hub.hub.lifecycle().supervisor().get("booted").ifPresent(s -> hub.reaper.track(s.pid()));
    }

    @AfterAll
    static void stop() throws Exception {
        hub.close();
    }

    static JsonObject state(ApiHub.Reply reply, String shortName) {
        assertEquals(200, reply.status(), reply.body());
        JsonObject body = reply.json();
        assertEquals(shortName, body.getString("short"), reply.body());
        return body.getJsonObject("state");
    }

    static long pid(JsonObject state) {
        return state.getJsonNumber("pid").longValue();
    }

    @Test
    void startAnswersAfterTheReadinessGateWithTheModuleRunningAndIsIdempotent() throws Exception {
        ApiHub.Module alpha = hub.install("alpha", Map.of("TM_ECHO", "hello-alpha"));
        JsonObject state = state(hub.post("/api/modules/alpha/start", admin), "alpha");
        assertEquals("running", state.getString("state"), state::toString);
        assertFalse(state.containsKey("startError"), state::toString);
        long pid = hub.track(state);
        // no polling: the answer came after the readiness gate, so the port accepts at once
        assertTrue(answersWithPid(alpha.port(), pid), "alpha answers on its port right after start");

        JsonObject again = state(hub.post("/api/modules/alpha/start", admin), "alpha");
        assertEquals("running", again.getString("state"));
        assertEquals(pid, pid(again), "a second start is the current state, not a second process");

        ApiHub.Reply view = hub.get("/api/modules/alpha", admin);
        assertEquals(200, view.status(), view.body());
        JsonObject row = view.json();
        assertEquals("alpha", row.getString("name"));
        assertEquals(alpha.port(), row.getInt("port"));
        assertEquals("0.1.0", row.getString("version"));
        assertTrue(row.getBoolean("installed"));
        assertEquals("running", row.getString("supervisor_status"));
        assertEquals(pid, row.getJsonNumber("pid").longValue());
        assertTrue(row.containsKey("startedAt") && row.containsKey("restartsInWindow"), row::toString);
        String startup = "testmodule pid=" + pid + " port=" + alpha.port() + " echo=hello-alpha";
        Poll.require(DEADLINE, "alpha's startup line in its logs", () -> logLines("alpha").contains(startup));
    }

    @Test
    void restartGivesANewPidAndPicksUpAChangedEnvFile() throws Exception {
        ApiHub.Module bravo = hub.install("bravo", Map.of("TM_ECHO", "one"));
        long first = hub.track(state(hub.post("/api/modules/bravo/start", admin), "bravo"));
        hub.writeEnv("bravo", Map.of("TM_ECHO", "two"));

        JsonObject restarted = state(hub.post("/api/modules/bravo/restart", admin), "bravo");
        assertEquals("running", restarted.getString("state"), restarted::toString);
        long second = hub.track(restarted);
        assertNotEquals(first, second);
        assertFalse(isAlive(first), "the old process is gone after a restart");
        assertTrue(answersWithPid(bravo.port(), second));
        String startup = "testmodule pid=" + second + " port=" + bravo.port() + " echo=two";
        Poll.require(DEADLINE, "bravo's new startup line", () -> logLines("bravo").contains(startup));
        assertTrue(logLines("bravo").contains("testmodule pid=" + first + " port=" + bravo.port() + " echo=one"),
                "the buffer survives the restart");
    }

    @Test
    void stopEndsTheProcessAndFreesThePortAndIsRepeatable() throws Exception {
        ApiHub.Module charlie = hub.install("charlie", Map.of());
        long pid = hub.track(state(hub.post("/api/modules/charlie/start", admin), "charlie"));
        for (int round = 0; round < 2; round++) {
            ApiHub.Reply stop = hub.post("/api/modules/charlie/stop", admin);
            assertEquals(200, stop.status(), stop.body());
            JsonObject body = stop.json();
            assertEquals("charlie", body.getString("short"));
            assertTrue(body.getBoolean("stopped"), stop.body());
            assertEquals("stopped", body.getJsonObject("state").getString("state"), stop.body());
            assertFalse(body.getJsonObject("state").containsKey("pid"), stop.body());
        }
        assertFalse(isAlive(pid));
        assertTrue(portIsFree(charlie.port()), "the port is free after stop");
        assertEquals("stopped", hub.catalogRow(admin, "charlie").getString("supervisor_status"));
    }

    @Test
    void aMissingBinaryIsReportedAsMissingDependencyInTheAnswerAndTheCatalog() throws Exception {
        Path dirOf = Files.createDirectories(dir.resolve("modules/golf"));
        hub.install("golf", dirOf, List.of("parachute-no-such-binary-7f3a", "serve"), Map.of());
        JsonObject state = state(hub.post("/api/modules/golf/start", admin), "golf");
        assertEquals("crashed", state.getString("state"), state::toString);
        assertEquals("missing_dependency", state.getJsonObject("startError").getString("type"), state::toString);
        assertEquals("parachute-no-such-binary-7f3a", state.getJsonObject("startError").getString("binary"));

        JsonObject row = hub.catalogRow(admin, "golf");
        assertEquals("crashed", row.getString("supervisor_status"), row::toString);
        assertEquals("missing_dependency", row.getJsonObject("start_error").getString("type"), row::toString);
        assertTrue(row.getJsonObject("start_error").getString("description").contains("parachute-no-such-binary-7f3a"));
    }

    @Test
    void theCatalogListsInstalledOnlyAndSupervisedModulesWithTheirFields() throws Exception {
        ApiHub.Module fox = hub.install("fox", Map.of());
        JsonObject installedOnly = hub.catalogRow(admin, "fox");
        assertEquals("fox", installedOnly.getString("name"));
        assertEquals(fox.port(), installedOnly.getInt("port"));
        assertTrue(installedOnly.getBoolean("installed"));
        assertEquals(JsonValue.NULL, installedOnly.getOrDefault("supervisor_status", JsonValue.NULL));
        assertEquals(JsonValue.NULL, installedOnly.getOrDefault("pid", JsonValue.NULL));

        JsonObject supervised = hub.catalogRow(admin, "booted");
        assertTrue(supervised.getBoolean("installed"), supervised::toString);
        assertEquals("running", supervised.getString("supervisor_status"), supervised::toString);
        assertEquals(booted.port(), supervised.getInt("port"));
        for (String field : List.of("short", "name", "port", "version", "installed", "supervisor_status", "pid",
                "startedAt", "restartsInWindow")) {
            assertTrue(supervised.containsKey(field), () -> field + " missing from " + supervised);
        }
        ApiHub.Reply catalog = hub.get("/api/modules", hub.mint(ScopeSets.AUTH));
        assertEquals(200, catalog.status());
        assertTrue(catalog.json().getBoolean("supervisor_available"));
    }

    @Test
    void readyReportsBootProgressWithoutAuth() throws Exception {
        Path dirOf = Files.createDirectories(dir.resolve("modules/juliet"));
        hub.install("juliet", dirOf, List.of("parachute-no-such-binary-juliet"), Map.of());
        assertEquals("crashed", state(hub.post("/api/modules/juliet/start", admin), "juliet").getString("state"));

        ApiHub.Reply reply = hub.send("GET", "/api/ready", null);
        assertEquals(200, reply.status(), reply.body());
        JsonObject ready = reply.json();
        assertEquals(List.of("booting", "persistent_modules", "ready", "ready_modules", "transient_modules"),
                ready.keySet().stream().sorted().toList(), reply.body());
        assertFalse(ready.getBoolean("booting"));
        assertFalse(ready.getBoolean("ready"), "a crashed module means not ready: " + reply.body());
        assertTrue(names(ready, "persistent_modules").contains("juliet"), reply.body());
        // the booted module is transient while younger than 30 s, ready after
        assertTrue(names(ready, "transient_modules").contains("booted") || names(ready, "ready_modules").contains("booted"),
                reply.body());
        assertEquals(1, hub.hub.lifecycle().supervisor().list().stream().filter(s -> s.shortName().equals("booted")).count());
    }

    static List<String> names(JsonObject ready, String field) {
        return ready.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static List<String> logLines(String shortName) {
        return logLines(hub, admin, shortName);
    }

    /** The JSON logs of {@code shortName}, checking that {@code text} is the same lines, one per line. */
    static List<String> logLines(ApiHub hub, String admin, String shortName) {
        try {
            ApiHub.Reply reply = hub.get("/api/modules/" + shortName + "/logs", admin);
            assertEquals(200, reply.status(), reply.body());
            JsonObject body = reply.json();
            assertEquals(shortName, body.getString("short"));
            List<String> lines = body.getJsonArray("lines").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList();
            assertEquals(lines.isEmpty() ? "" : String.join("\n", lines) + "\n", body.getString("text"),
                    "text is the lines, one per line");
            return lines;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

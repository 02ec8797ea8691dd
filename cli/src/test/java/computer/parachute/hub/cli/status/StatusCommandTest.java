package computer.parachute.hub.cli.status;

import computer.parachute.hub.cli.FakeEnvironment;
import computer.parachute.hub.cli.FakeHubArm;
import computer.parachute.hub.cli.client.ModuleOpHttpException;
import computer.parachute.hub.cli.client.ModuleSnapshot;
import computer.parachute.hub.core.token.NoOperatorTokenException;
import computer.parachute.hub.cli.hub.HubObservation;
import computer.parachute.hub.cli.hub.UnitStateView;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reference §8.9: rows from services.json + /api/modules + the arm, degrading with notes; exit 1 only when failing. */
class StatusCommandTest {
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @TempDir
    Path home;
    FakeEnvironment env;

    @BeforeEach
    void twoModules() throws Exception {
        env = new FakeEnvironment(home);
        env.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ServicesRegistry registry = new ServicesRegistry(env.home.servicesJson());
        registry.upsert(ServiceEntry.of("parachute-vault", 1940, List.of("/vault/default"), "/health", "1.0.0"));
        registry.upsert(ServiceEntry.of("parachute-scribe", 1943, List.of("/scribe"), "/health", "0.3.0"));
    }

    @Test
    void hubDownMarksModulesInactiveWithOneNoteAndExitsZero() {
        assertEquals(0, env.run("status"));
        List<String> lines = env.stdout().lines().toList();
        assertTrue(lines.get(0).startsWith("SERVICE"));
        assertTrue(lines.get(1).startsWith("vault") && lines.get(1).contains("inactive"), lines.get(1));
        assertEquals(1, env.stdout().split("hub is down — its modules are stopped", -1).length - 1);
        assertTrue(lines.stream().filter(l -> !l.startsWith(" ")).reduce((a, b) -> b).orElseThrow().startsWith("parachute-hub (internal)"),
                "hub row last: " + lines);
        assertTrue(env.ops.calls.isEmpty(), "no API call when the hub is down");
    }

    @Test
    void liveStatesMapToTableStates() {
        env.health.up = true;
        env.ops.snapshots = List.of(
                snapshot("vault", "running", 4242L, "2026-11-27T11:58:00Z", null, null),
                snapshot("scribe", "starting", 77L, null, null, null));
        assertEquals(0, env.run("status"), "pending is not a failure");
        String out = env.stdout();
        assertTrue(out.lines().anyMatch(l -> l.startsWith("vault") && l.contains("active") && l.contains("4242") && l.contains("2m")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("scribe") && l.contains("pending")), out);
        assertTrue(out.contains("  → http://127.0.0.1:1940/vault/default"));
    }

    @Test
    void crashedModuleFailsTheRunWithProbeAndStartError() {
        env.health.up = true;
        env.ops.snapshots = List.of(snapshot("vault", "crashed", null, null, "missing_dependency", "parachute-vault"));
        assertEquals(1, env.run("status"));
        String out = env.stdout();
        assertTrue(out.contains("  ! probe: supervisor: crashed"), out);
        assertTrue(out.contains("  ! failed to start: parachute-vault not installed"), out);
    }

    @Test
    void missingTokenDegradesToANote() {
        env.health.up = true;
        env.ops.tokenFailure = new NoOperatorTokenException(home.resolve("operator.token"));
        assertEquals(0, env.run("status"));
        assertTrue(env.stdout().contains("! couldn't read live module state — run `parachute auth rotate-operator` to mint an operator token"));
    }

    @Test
    void apiErrorDegradesToANote() {
        env.health.up = true;
        env.ops.modulesFailure = new ModuleOpHttpException(404, "not_found", "no such path");
        assertEquals(0, env.run("status"));
        assertTrue(env.stdout().contains("! couldn't read live module state (not_found: no such path)"), env.stdout());
    }

    @Test
    void unitArmHubRowFollowsTheManager() {
        env.units.installed = true;
        env.units.state = new UnitStateView(UnitStateView.FAILED, "last exit code 1");
        assertEquals(1, env.run("status"));
        assertTrue(env.stdout().contains("! service manager reports the hub unit failed (last exit code 1)"), env.stdout());

        env.units.state = new UnitStateView(UnitStateView.ACTIVATING, "");
        assertEquals(0, env.run("status"));
        assertTrue(env.stdout().contains("service manager reports the hub unit is starting"));

        env.units.state = new UnitStateView(UnitStateView.ACTIVE, "");
        assertEquals(1, env.run("status"), "active but /health silent is failing");
        assertTrue(env.stdout().contains("! probe: manager active, /health not answering"));
    }

    @Test
    void detachedHubRowShowsPidUptimeAndLatency() {
        env.health.up = true;
        ((FakeHubArm) env.detached).observation = new HubObservation("detached", 555L, NOW.minusSeconds(3_700), null, null);
        assertEquals(0, env.run("status"));
        String hubRow = env.stdout().lines().filter(l -> l.startsWith("parachute-hub")).findFirst().orElseThrow();
        assertTrue(hubRow.matches(".*1939\\s+1\\.2\\.3\\s+active\\s+555\\s+1h 1m\\s+4ms\\s+detached"), hubRow);
    }

    @Test
    void detachedHubWithPidButNoHealthIsFailing() {
        ((FakeHubArm) env.detached).observation = new HubObservation("detached", 555L, NOW, null, null);
        assertEquals(1, env.run("status"));
        assertTrue(env.stdout().contains("! probe: /health not answering on port 1939"));
    }

    @Test
    void emptyRegistryStillRendersTheHubRow() throws Exception {
        Files.delete(env.home.servicesJson());
        assertEquals(0, env.run("status"));
        assertTrue(env.stdout().contains("parachute-hub (internal)"));
        assertTrue(env.stdout().contains("No modules installed yet"));
    }

    @Test
    void malformedServicesJsonIsANoteNotACrash() throws Exception {
        Files.writeString(env.home.servicesJson(), "{ not json");
        assertEquals(0, env.run("status"));
        assertTrue(env.stdout().contains("! " + env.home.servicesJson() + ": is not valid JSON"), env.stdout());
    }

    @Test
    void jsonIsTheDocumentedShape() {
        env.health.up = true;
        env.ops.snapshots = List.of(snapshot("vault", "crashed", null, null, null, null));
        assertEquals(1, env.run("status", "--json"));
        JsonObject root = Json.createReader(new StringReader(env.stdout())).readObject();
        assertTrue(root.getBoolean("failing"));
        assertEquals(List.of("failing", "modules", "hub", "notes"), List.copyOf(root.keySet()));
        JsonObject vault = root.getJsonArray("modules").getJsonObject(0);
        assertEquals(List.of("service", "port", "version", "state", "pid", "uptime_seconds", "latency_ms", "source", "url", "probe", "notes"),
                List.copyOf(vault.keySet()));
        assertEquals("vault", vault.getString("service"));
        assertEquals("failing", vault.getString("state"));
        assertEquals("supervisor: crashed", vault.getString("probe"));
        assertTrue(vault.isNull("pid"));
        assertEquals("parachute-hub (internal)", root.getJsonObject("hub").getString("service"));
        assertFalse(env.stdout().contains("SERVICE "), "no table with --json");
    }

    private static ModuleSnapshot snapshot(String shortName, String status, Long pid, String startedAt, String errorType, String binary) {
        return new ModuleSnapshot(shortName, null, null, null, true, status, pid, startedAt, errorType,
                errorType == null ? null : "not found on PATH", binary);
    }
}

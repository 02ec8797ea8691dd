package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.FakeEnvironment;
import computer.parachute.hub.cli.FakeHubArm;
import computer.parachute.hub.cli.client.ModuleOpHttpException;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import computer.parachute.hub.core.token.NoOperatorTokenException;
import computer.parachute.hub.core.token.OperatorTokenExpiredException;
import computer.parachute.hub.cli.hub.ArmResult;
import computer.parachute.hub.cli.hub.UnitReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reference §8.7 (lifecycle dual dispatch) with both arms faked: which seam each verb calls, its words and exit code. */
class LifecycleDispatchTest {
    @TempDir
    Path home;
    FakeEnvironment env;
    FakeHubArm detached;

    @BeforeEach
    void unitInstalled() {
        env = new FakeEnvironment(home);
        env.units.installed = true;
        detached = (FakeHubArm) env.detached;
    }

    @Test
    void startModuleWithUnitEnsuresHubThenStartsIt() {
        assertEquals(0, env.run("start", "vault"));
        assertEquals(List.of("ensureUp:1939"), env.units.calls);
        assertEquals(List.of("vault:start"), env.ops.calls);
        assertTrue(env.stdout().contains("✓ vault started."), env.output());
        assertTrue(detached.calls.isEmpty());
    }

    @Test
    void startWithoutServiceOnlyEnsuresTheHub() {
        assertEquals(0, env.run("start"));
        assertEquals(List.of("ensureUp:1939"), env.units.calls);
        assertTrue(env.ops.calls.isEmpty());
        assertEquals("✓ hub is up (all installed modules booted).\n", env.stdout());
    }

    @Test
    void startHubSaysHubIsUp() {
        assertEquals(0, env.run("start", "hub"));
        assertEquals("✓ hub is up.\n", env.stdout());
    }

    @Test
    void missingOperatorTokenIsOneActionableLine() {
        env.ops.tokenFailure = new NoOperatorTokenException(home.resolve("operator.token"));
        assertEquals(1, env.run("start", "vault"));
        assertEquals("✗ vault: no operator token — run `parachute auth rotate-operator` to mint one (looked for "
                + home.resolve("operator.token") + ")\n", env.stderr());
    }

    @Test
    void expiredOperatorTokenIsOneActionableLine() {
        env.ops.tokenFailure = new OperatorTokenExpiredException();
        assertEquals(1, env.run("restart", "vault"));
        assertEquals("✗ vault: your operator token has expired; run `parachute auth rotate-operator` to re-mint\n", env.stderr());
    }

    @Test
    void notInstalledNamesTheInstallCommand() {
        env.ops.failures.put("start", new ModuleOpHttpException(400, "not_installed", "vault is not installed"));
        assertEquals(1, env.run("start", "vault"));
        assertEquals("✗ vault is not installed — run `parachute install vault` first, then `parachute start vault`.\n", env.stderr());
    }

    @Test
    void otherHttpErrorsShowCodeAndDescription() {
        env.ops.failures.put("start", new ModuleOpHttpException(500, "error", "request failed"));
        assertEquals(1, env.run("start", "notes"));
        assertEquals("✗ notes: error: request failed\n", env.stderr());
    }

    @Test
    void hubThatCannotBeBroughtUpFailsWithTheManagersWords() {
        env.units.ensureReply = new UnitReply(false, List.of("failed to start the hub unit via the service manager (boom)", "log line"));
        assertEquals(1, env.run("start", "vault"));
        assertTrue(env.ops.calls.isEmpty());
        assertEquals("✗ failed to start the hub unit via the service manager (boom)\nlog line\n", env.stderr());
        assertEquals("", env.stdout());
    }

    @Test
    void stopModuleWithHubUpProbesOnceAndStops() {
        env.health.up = true;
        assertEquals(0, env.run("stop", "vault"));
        assertEquals(List.of(1939), env.health.probes);
        assertEquals(List.of("vault:stop"), env.ops.calls);
        assertTrue(env.units.calls.isEmpty(), "no ensure-hub for stop");
        assertEquals("✓ vault stopped.\n", env.stdout());
    }

    @Test
    void stopModuleWithHubDownSucceedsWithoutStartingIt() throws Exception {
        new ServicesRegistry(home.resolve("services.json")).upsert(ServiceEntry.of("parachute-vault", 1940,
                List.of("/vault/default"), "/health", "0.3.1"));
        assertEquals(0, env.run("stop", "vault"));
        assertTrue(env.ops.calls.isEmpty());
        assertTrue(env.units.calls.isEmpty());
        assertEquals("✓ vault already stopped (the hub isn't running, so its modules are down).\n", env.stdout());
    }

    @Test
    void stopOfANameWithoutARowIsNotInstalledWhetherTheHubIsUpOrDown() {
        assertEquals(1, env.run("stop", "typo"));
        assertEquals("✗ typo is not installed — run `parachute install typo` first, then `parachute start typo`.\n",
                env.stderr(), "hub down: services.json has no row");
        assertEquals("", env.stdout());

        FakeEnvironment up = new FakeEnvironment(home);
        up.units.installed = true;
        up.health.up = true;
        up.ops.replies.put("stop", Json.createObjectBuilder().add("short", "typo").add("stopped", false).build());
        assertEquals(1, up.run("stop", "typo"));
        assertEquals(List.of("typo:stop", "typo:get"), up.ops.calls);
        assertEquals("✗ typo is not installed — run `parachute install typo` first, then `parachute start typo`.\n",
                up.stderr(), "hub up: stopped:false and the hub knows no such module");
    }

    @Test
    void stopOfAnInstalledModuleThatWasNotRunningSaysSo() {
        env.health.up = true;
        env.ops.installed.add("vault");
        env.ops.replies.put("stop", Json.createObjectBuilder().add("short", "vault").add("stopped", false).build());
        assertEquals(0, env.run("stop", "vault"));
        assertEquals("✓ vault already stopped.\n", env.stdout());
    }

    @Test
    void aStartOrRestartThatLeavesTheModuleDownFailsWithItsStartError() {
        JsonObject crashed = Json.createObjectBuilder().add("short", "vault").add("state", Json.createObjectBuilder()
                .add("state", "crashed").add("startError", Json.createObjectBuilder().add("type", "missing_dependency")
                        .add("description", "vault cannot start: \"nope\" was not found on its PATH — install it,"
                                + " then run: parachute start vault"))).build();
        env.ops.replies.put("start", crashed);
        assertEquals(1, env.run("start", "vault"));
        assertEquals("✗ vault failed to start: crashed (missing_dependency) — vault cannot start: \"nope\" was not"
                + " found on its PATH — install it, then run: parachute start vault\n", env.stderr());
        assertTrue(!env.stdout().contains("✓ vault"), env.output());

        FakeEnvironment restart = new FakeEnvironment(home);
        restart.units.installed = true;
        restart.ops.replies.put("restart", Json.createObjectBuilder().add("short", "vault").add("state",
                Json.createObjectBuilder().add("state", "restarting").add("lastExitCode", 3)).build());
        assertEquals(1, restart.run("restart", "vault"));
        assertEquals("✗ vault failed to restart: it is restarting, last exit code 3 — see `parachute logs vault`\n",
                restart.stderr());

        FakeEnvironment empty = new FakeEnvironment(home);
        empty.units.installed = true;
        empty.ops.replies.put("start", Json.createObjectBuilder().build());
        assertEquals(1, empty.run("start", "vault"), "a 200 that does not say running is no success");
        assertTrue(empty.stderr().startsWith("✗ vault failed to start: the hub's reply did not say"), empty.stderr());
    }

    @Test
    void aModuleRunningWithANoteSucceedsAndShowsTheNote() {
        env.ops.replies.put("start", Json.createObjectBuilder().add("short", "vault").add("state",
                Json.createObjectBuilder().add("state", "running").add("pid", 7).add("startError",
                        Json.createObjectBuilder().add("type", "started_but_unbound")
                                .add("description", "vault is running but port 1940 is not bound yet"))).build());
        assertEquals(0, env.run("start", "vault"));
        assertTrue(env.stdout().contains("✓ vault started.\n"), env.output());
        assertTrue(env.output().contains("  ! vault is running but port 1940 is not bound yet"), env.output());
    }

    @Test
    void stopHubGoesThroughTheManagerOnly() {
        assertEquals(0, env.run("stop", "hub"));
        assertEquals(0, env.run("stop"));
        assertEquals(List.of("control:STOP", "control:STOP"), env.units.calls);
        assertTrue(env.health.probes.isEmpty());
        assertTrue(detached.calls.isEmpty(), "the detached arm (the only one that signals) is never used");
        assertTrue(env.stdout().contains("✓ hub stopped (all supervised modules stopped with it)."));
    }

    @Test
    void stopHubFailureExitsOne() {
        env.units.controlReply = new UnitReply(false, List.of("failed to stop the hub unit via the service manager (denied)"));
        assertEquals(1, env.run("stop"));
        assertEquals("✗ failed to stop the hub unit via the service manager (denied)\n", env.stderr());
    }

    @Test
    void restartModuleRestartsIt() {
        assertEquals(0, env.run("restart", "vault"));
        assertEquals(List.of("ensureUp:1939"), env.units.calls);
        assertEquals(List.of("vault:restart"), env.ops.calls);
        assertTrue(env.stdout().endsWith("✓ vault restarted.\n"));
    }

    @Test
    void restartOfAnUnsupervisedModuleFallsBackToStart() {
        env.ops.failures.put("restart", new ModuleOpHttpException(404, "not_supervised", "vault is not currently supervised"));
        assertEquals(0, env.run("restart", "vault"));
        assertEquals(List.of("vault:restart", "vault:start"), env.ops.calls);
        assertTrue(env.stdout().endsWith("✓ vault started.\n"));
    }

    @Test
    void restartSurfacesOtherErrors() {
        env.ops.failures.put("restart", new ModuleOpHttpException(500, "module_op_failed", "vault restart failed: x"));
        assertEquals(1, env.run("restart", "vault"));
        assertEquals(List.of("vault:restart"), env.ops.calls);
        assertEquals("✗ vault: module_op_failed: vault restart failed: x\n", env.stderr());
    }

    @Test
    void restartHubGoesThroughTheManagerOnly() {
        assertEquals(0, env.run("restart"));
        assertEquals(0, env.run("restart", "hub"));
        assertEquals(List.of("control:RESTART", "control:RESTART"), env.units.calls);
        assertTrue(env.ops.calls.isEmpty());
        assertTrue(detached.calls.isEmpty());
        assertTrue(env.stdout().contains("✓ hub restarted (all modules re-booted)."));
    }

    @Test
    void withoutAUnitEveryHubVerbTakesTheDetachedArm() {
        env.units.installed = false;
        assertEquals(0, env.run("start", "vault"));
        assertEquals(0, env.run("stop", "hub"));
        assertEquals(0, env.run("restart"));
        assertEquals(List.of("start", "stop", "restart"), detached.calls);
        assertTrue(env.units.calls.isEmpty(), "the manager is never asked to act without a unit");
        assertTrue(env.stdout().contains("✓ hub started (pid 4242) on port 1939"));
        assertTrue(env.stdout().contains("✓ vault started."));
    }

    @Test
    void detachedStartUsesThePortTheArmReports() {
        env.units.installed = false;
        detached.startResult = ArmResult.ok(2939, "hub already running (pid 7) on port 2939.");
        assertEquals(0, env.run("start", "vault"));
        assertEquals(List.of(2939), env.opsPorts);
        assertEquals("✓ vault started.\n", env.stdout(), "an already-running hub is not re-announced");
    }

    @Test
    void detachedHubFailureStopsBeforeTheModuleOp() {
        env.units.installed = false;
        detached.startResult = ArmResult.failed(1939, List.of("✗ hub: port 1939 unavailable — pid 9 (nc -l) is already listening."));
        assertEquals(1, env.run("start", "vault"));
        assertTrue(env.ops.calls.isEmpty());
        assertTrue(env.stderr().contains("pid 9 (nc -l)"));
    }

    @Test
    void invalidModuleNameIsAUsageError() {
        assertEquals(2, env.run("start", "../etc"));
        assertTrue(env.stderr().startsWith("✗ invalid module name \"../etc\""));
        assertTrue(env.ops.calls.isEmpty());
    }
}

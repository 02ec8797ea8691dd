package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import computer.parachute.hub.core.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boot starts every module concurrently and reports skips (DESIGN §5 Boot; reference §8.2). */
class ModuleBootTest {
    private static final int MODULES = 20;
    /**
     * Serial boot would need 20 x the 4 s readiness window before the 20th spawn; concurrent boot spawns all 20
     * within a second or two. The bound sits far from both.
     */
    private static final Duration ALL_SPAWNED_WITHIN = Duration.ofSeconds(30);

    @TempDir Path temp;
    private SupervisorFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new SupervisorFixture(temp);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void twentyModulesAreAllSpawnedBeforeAnyOfThemIsReady() throws Exception {
        Path gate = temp.resolve("bind-now");
        List<BootPlan> plans = new ArrayList<>();
        for (int i = 0; i < MODULES; i++) {
            plans.add(BootPlan.start(fx.module("m" + i, "TM_BIND_WHEN_FILE", gate.toString())));
        }
        CompletableFuture<List<BootDecision>> boot = CompletableFuture.supplyAsync(
                () -> new ModuleBoot(fx.supervisor).boot(plans));

        // nobody can bind before the file exists, so every start is still inside its readiness wait
        Poll.require(ALL_SPAWNED_WITHIN, "all " + MODULES + " spawns", () -> fx.launcher.spawnCount() == MODULES);
        assertFalse(boot.isDone(), "boot returned before any module could be ready");
        Files.writeString(gate, "go");

        List<BootDecision> decisions = boot.get(60, TimeUnit.SECONDS);
        assertEquals(MODULES, decisions.size());
        for (int i = 0; i < MODULES; i++) {
            BootDecision decision = decisions.get(i);
            assertEquals("m" + i, decision.shortName());
            assertEquals(BootDecision.STARTED, decision.outcome());
            assertTrue(decision.snapshot().is(ModuleState.RUNNING), decision.toString());
        }
        assertEquals(MODULES, fx.supervisor.list().size());
    }

    @Test
    void skippedRowsAreReportedWithoutASpawnAndAnEmptyPlanDoesNothing() throws Exception {
        assertTrue(new ModuleBoot(fx.supervisor).boot(List.of()).isEmpty());
        List<BootDecision> decisions = new ModuleBoot(fx.supervisor).boot(List.of(
                BootPlan.skip("third-party", "no-spec"),
                BootPlan.start(new SpawnRequest("sleeper", List.of("sleep", "30"), null, java.util.Map.of()))));
        assertEquals(new BootDecision("third-party", BootDecision.SKIPPED, "no-spec", null), decisions.get(0));
        assertEquals(BootDecision.STARTED, decisions.get(1).outcome());
        assertEquals(1, fx.launcher.spawnCount());
        Poll.require(Duration.ofSeconds(5), "sleeper running", () -> fx.supervisor.get("sleeper").orElseThrow()
                .is(ModuleState.RUNNING));
    }
}

package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartBudgetTest {
    private static final Duration WINDOW = Duration.ofSeconds(60);

    @Test
    void thirdCrashWithinTheWindowExhaustsTheBudget() {
        RestartBudget budget = RestartBudget.fresh(3, WINDOW).afterCrash(1_000).afterCrash(2_000);
        assertFalse(budget.exhausted());
        assertEquals(2, budget.crashesInWindow());
        assertTrue(budget.afterCrash(3_000).exhausted());
    }

    @Test
    void crashesOlderThanTheWindowDropOut() {
        RestartBudget budget = RestartBudget.fresh(2, Duration.ofSeconds(5)).afterCrash(0).afterCrash(10_000);
        assertEquals(1, budget.crashesInWindow());
        assertFalse(budget.exhausted());
    }

    @Test
    void aCrashExactlyAtTheCutoffStillCounts() {
        RestartBudget budget = RestartBudget.fresh(3, WINDOW).afterCrash(0).afterCrash(60_000);
        assertEquals(2, budget.crashesInWindow());
        RestartBudget later = budget.afterCrash(60_001);
        assertEquals(java.util.List.of(60_000L, 60_001L), later.crashTimesMillis());
    }

    @Test
    void backoffIsImmediateThenDoublesFromFiveHundredMillisUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3));
        assertEquals(Duration.ZERO, backoff.delayFor(1));
        assertEquals(Duration.ofMillis(500), backoff.delayFor(2));
        assertEquals(Duration.ofMillis(1000), backoff.delayFor(3));
        assertEquals(Duration.ofMillis(2000), backoff.delayFor(4));
        assertEquals(Duration.ofSeconds(3), backoff.delayFor(5));
        assertEquals(Duration.ofSeconds(3), backoff.delayFor(500));
    }
}

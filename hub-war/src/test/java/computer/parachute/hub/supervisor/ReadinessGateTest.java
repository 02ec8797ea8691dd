package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The readiness gate's timing (DESIGN §5: first probe right after spawn, quick back-off, 4 s window; 1 s re-probe
 * for 60 s) on a manual scheduler and a fake monotonic clock: every delay is asserted, nothing waits.
 */
class ReadinessGateTest {
    private static final int PORT = 1;

    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicBoolean listening = new AtomicBoolean();
    private final AtomicInteger probes = new AtomicInteger();
    private final ReadinessGate gate = new ReadinessGate(port -> {
        probes.incrementAndGet();
        return listening.get();
    }, scheduler, nanos::get, SupervisorSettings.defaults());
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();

    @Test
    void theFirstProbeIsImmediateAndTheGapsGrowByAQuarterFromOneMsUpToTheCap() {
        CompletableFuture<Readiness> result = gate.await(PORT, exited);
        for (int i = 0; i < 30; i++) {
            step(scheduler.requested().get(scheduler.requested().size() - 1));
        }
        List<Duration> gaps = scheduler.requested();
        assertEquals(List.of(Duration.ZERO, ms(1), Duration.ofNanos(1_250_000), Duration.ofNanos(1_562_500)),
                gaps.subList(0, 4));
        for (int i = 2; i < gaps.size(); i++) {
            Duration grown = gaps.get(i - 1).plus(gaps.get(i - 1).dividedBy(4));
            assertEquals(grown.compareTo(ms(100)) > 0 ? ms(100) : grown, gaps.get(i), "gap " + i);
        }
        assertEquals(ms(100), gaps.get(gaps.size() - 1));
        assertEquals(30, probes.get());
        assertFalse(result.isDone());
    }

    @Test
    void aPortThatBindsIsReadyAtTheNextProbe() {
        CompletableFuture<Readiness> result = gate.await(PORT, exited);
        step(Duration.ZERO);
        step(ms(1));
        listening.set(true);
        step(Duration.ofNanos(1_250_000));
        assertEquals(Readiness.READY, result.getNow(null));
        assertEquals(3, probes.get());
    }

    @Test
    void theWindowClosesAfterFourSecondsOfTheMonotonicClock() {
        CompletableFuture<Readiness> result = gate.await(PORT, exited);
        while (!result.isDone() && probes.get() < 200) {
            List<Duration> delays = scheduler.requested();
            step(delays.get(delays.size() - 1));
        }
        assertEquals(Readiness.TIMED_OUT, result.getNow(null));
        long elapsedMillis = nanos.get() / 1_000_000;
        assertTrue(elapsedMillis >= 4000 && elapsedMillis < 4100, "closed at " + elapsedMillis + " ms");
    }

    @Test
    void anExitEndsTheWaitAtOnce() {
        CompletableFuture<Readiness> result = gate.await(PORT, exited);
        exited.complete(3);
        assertEquals(Readiness.EXITED, result.getNow(null));
        step(Duration.ZERO);
        assertEquals(0, probes.get(), "probed a port after the process exited");
    }

    @Test
    void theLateReprobeRunsEverySecondForSixtySeconds() {
        CompletableFuture<Readiness> result = gate.watch(PORT, exited);
        for (int second = 1; second <= 61 && !result.isDone(); second++) {
            step(Duration.ofSeconds(1));
        }
        assertEquals(Readiness.TIMED_OUT, result.getNow(null));
        assertEquals(60, probes.get());
        assertEquals(List.of(Duration.ofSeconds(1)), scheduler.requested().stream().distinct().toList());
    }

    /** Moves the fake clock and the scheduler forward together. */
    private void step(Duration by) {
        nanos.addAndGet(by.toNanos());
        scheduler.advance(by);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}

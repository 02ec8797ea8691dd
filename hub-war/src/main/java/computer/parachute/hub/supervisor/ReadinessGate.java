package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.net.PortProbe;
import computer.parachute.hub.core.time.MonotonicClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Port readiness after a spawn (DESIGN §5; reference §2.3 step 6, #487, #544): the first probe right after spawn,
 * then gaps growing by a quarter from {@code probeIntervalStart} up to {@code probeIntervalMax}, until the port accepts,
 * the process exits, or the window closes. A module binds within tens of ms: gaps that doubled from 5 ms (probes at
 * 5, 15, 35, 75 ms) kept a restart's answer up to half that long after the port was bound; a probe is one loopback
 * connect, and growing by a quarter from 1 ms reaches the cap within ~20 probes (~0.5 s), ~55 in the whole window. Every probe is a scheduled task; nothing here sleeps or holds a lock.
 */
final class ReadinessGate {
    private final PortProbe probe;
    private final Scheduler scheduler;
    private final MonotonicClock clock;
    private final SupervisorSettings settings;

    ReadinessGate(PortProbe probe, Scheduler scheduler, MonotonicClock clock, SupervisorSettings settings) {
        this.probe = probe;
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
    }

    /** Probes quickly for the readiness window. */
    CompletableFuture<Readiness> await(int port, CompletableFuture<?> exited) {
        CompletableFuture<Readiness> result = new CompletableFuture<>();
        exited.whenComplete((code, error) -> result.complete(Readiness.EXITED));
        long deadline = clock.nanos() + settings.readinessTimeout().toNanos();
        scheduler.schedule(() -> probe(port, result, deadline, settings.probeIntervalStart(),
                settings.probeIntervalMax()), settings.firstProbeDelay());
        return result;
    }

    /** The slow background re-probe after an unbound start: every {@code reprobeInterval} for the re-probe window. */
    CompletableFuture<Readiness> watch(int port, CompletableFuture<?> exited) {
        CompletableFuture<Readiness> result = new CompletableFuture<>();
        exited.whenComplete((code, error) -> result.complete(Readiness.EXITED));
        long deadline = clock.nanos() + settings.reprobeWindow().toNanos();
        scheduler.schedule(() -> probe(port, result, deadline, settings.reprobeInterval(), settings.reprobeInterval()),
                settings.reprobeInterval());
        return result;
    }

    private void probe(int port, CompletableFuture<Readiness> result, long deadline, Duration gap, Duration maxGap) {
        if (result.isDone()) {
            return;
        }
        if (probe.isListening(port)) {
            result.complete(Readiness.READY);
        } else if (clock.nanos() - deadline >= 0) {
            result.complete(Readiness.TIMED_OUT);
        } else {
            Duration grown = gap.plus(gap.dividedBy(4));
            Duration next = grown.compareTo(maxGap) > 0 ? maxGap : grown;
            scheduler.schedule(() -> probe(port, result, deadline, next, maxGap), gap);
        }
    }
}

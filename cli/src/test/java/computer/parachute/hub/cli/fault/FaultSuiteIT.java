package computer.parachute.hub.cli.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import computer.parachute.hub.core.testing.ProcessReaper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The fault suite (issue 6): a seeded random run against the real launcher and CLI with eleven real modules, mixing
 * every {@link FaultKind}; after each step (and at the end) the invariants of {@link InvariantChecker} must hold
 * within a bounded settle time. {@code -Dfault.seed=N} replays a run, {@code -Dfault.steps=N} sets its length
 * (the default is the short CI form; {@code -Dfault.steps=1000} is the long run).
 */
class FaultSuiteIT {
    static final long DEFAULT_SEED = 20261127L;
    static final int DEFAULT_STEPS = 100;
    private static final long SLOW_STEP_MILLIS = 3_000;
    private static final int PROGRESS_EVERY = 25;
    /** Storm clients plus the registry step's writers and readers. */
    private static final int POOL_THREADS = ClientFaults.STORM_CLIENTS + 2;

    @TempDir
    Path root;
    private FaultRig rig;
    private ExecutorService pool;

    @AfterEach
    void reapEverything() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (rig != null) {
            rig.reaper.close();
            rig.census.scan().forEach(p -> ProcessReaper.kill(p.pid()));
        }
    }

    @Test
    @Timeout(value = 60, unit = java.util.concurrent.TimeUnit.MINUTES) // -Dfault.steps=1000 outlasts the 120 s default
    void invariantsHoldUnderRandomFaults() throws Exception {
        long seed = Long.getLong("fault.seed", DEFAULT_SEED);
        int steps = Integer.getInteger("fault.steps", DEFAULT_STEPS);
        long began = System.nanoTime();
        Random random = new Random(seed);
        rig = new FaultRig(root);
        pool = Executors.newFixedThreadPool(POOL_THREADS);
        InvariantChecker checker = new InvariantChecker(rig);
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Map<FaultKind, Integer> injected = new EnumMap<>(FaultKind.class);
        Consumer<String> stepViolation = v -> {
            violations.add(v);
            System.out.println("fault violation: " + v);
        };
        FaultStep step = new FaultStep(new ModuleFaults(rig, checker, random, stepViolation),
                new RegistryFaults(rig, checker, random, pool, stepViolation),
                new ClientFaults(rig, random, pool, stepViolation));

        rig.hub.startAndAwaitBoot();
        record(violations, "boot", checker.settle());
        // the first steps inject every kind once (seeded order), so even a short run covers the whole mix
        List<FaultKind> opening = new ArrayList<>(List.of(FaultKind.values()));
        Collections.shuffle(opening, random);
        for (int i = 0; i < steps; i++) {
            FaultKind kind = i < opening.size() ? opening.get(i) : weighted(random);
            injected.merge(kind, 1, Integer::sum);
            long stepBegan = System.nanoTime();
            step.run(kind);
            List<String> failures = checker.settle();
            record(violations, "step " + i + " (" + kind.label + ")", failures);
            long millis = (System.nanoTime() - stepBegan) / 1_000_000;
            if (millis > SLOW_STEP_MILLIS || !failures.isEmpty() || i % PROGRESS_EVERY == 0) {
                System.out.println("fault step " + i + " " + kind.label + ": " + millis + " ms, violations so far "
                        + violations.size() + " " + failures);
            }
        }
        record(violations, "end", checker.settle());
        violations.addAll(rig.api.violations());
        int hubRestarts = rig.hub.generation() - 1;
        int exit = rig.hub.stop();
        List<ProcessCensus.ModuleProcess> left = rig.census.scan();
        if (exit != 0 || !left.isEmpty()) {
            violations.add("hub stop exited " + exit + " and left " + left);
        }
        System.out.println(summary(seed, steps, injected, violations.size(), hubRestarts, began));
        System.out.println("fault suite: api calls=" + rig.api.calls() + ", 5xx answers="
                + rig.api.serverErrors());
        violations.forEach(v -> System.out.println("  violation: " + v));
        assertEquals(List.of(), violations, "invariant violations (seed " + seed + ")");
    }

    private static void record(List<String> violations, String when, List<String> failures) {
        failures.forEach(f -> violations.add(when + ": " + f));
    }

    private static FaultKind weighted(Random random) {
        int total = 0;
        for (FaultKind kind : FaultKind.values()) {
            total += kind.weight;
        }
        int roll = random.nextInt(total);
        for (FaultKind kind : FaultKind.values()) {
            roll -= kind.weight;
            if (roll < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    private static String summary(long seed, int steps, Map<FaultKind, Integer> injected, int violations,
                                  int hubRestarts, long began) {
        String faults = injected.entrySet().stream().map(e -> e.getKey().label + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        double elapsed = (System.nanoTime() - began) / 1e9;
        return String.format(java.util.Locale.ROOT, "fault suite: seed=%d, steps=%d, faults: %s; invariant violations=%d;"
                + " hub restarts=%d; elapsed=%.1fs", seed, steps, faults, violations, hubRestarts, elapsed);
    }
}

package computer.parachute.hub.cli.fault;

import computer.parachute.hub.core.fs.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Faults in services.json: a malformed registry left in place across a rescan, and several writers rewriting it
 * (atomically and in place) while clients call the API. Afterwards the test restores the file; the hub must not
 * have written it, and no module the hub was running may have been stopped or respawned because of it.
 */
final class RegistryFaults {
    /** The hub rescans services.json every 2 s: one bad file in four is held a little longer than that. */
    private static final int RESCAN_HOLD_MILLIS = 2_200;
    private static final int SHORT_HOLD_MAX_MILLIS = 300;
    private static final int WRITERS = 3;
    private static final int WRITES_PER_WRITER = 15;
    private static final long STEP_BOUND_SECONDS = 60;
    private static final int DIAGNOSTIC_LINES = 12;

    private final FaultRig rig;
    private final InvariantChecker checker;
    private final Random random;
    private final ExecutorService pool;
    private final Consumer<String> violation;

    RegistryFaults(FaultRig rig, InvariantChecker checker, Random random, ExecutorService pool,
                   Consumer<String> violation) {
        this.rig = rig;
        this.checker = checker;
        this.random = random;
        this.pool = pool;
        this.violation = violation;
    }

    void malformed() throws IOException {
        Map<String, InvariantChecker.Reported> before = steadyModules();
        String bad = malformedVariant();
        if (random.nextBoolean()) {
            AtomicFiles.writeString(rig.servicesFile(), bad);
        } else {
            Files.writeString(rig.servicesFile(), bad, StandardCharsets.UTF_8);
        }
        long holdUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextInt(4) == 0
                ? RESCAN_HOLD_MILLIS : random.nextInt(SHORT_HOLD_MAX_MILLIS));
        rig.api.get("/api/modules");
        String running = before.keySet().stream().findAny().orElse("plain1");
        rig.api.post("/api/modules/" + running + "/start");
        rig.api.get("/api/modules/" + running);
        LockSupport.parkNanos(Math.max(0, holdUntil - System.nanoTime()));
        rig.restoreServices();
        compare(before, "a malformed services.json");
    }

    void concurrentRewrite() throws Exception {
        Map<String, InvariantChecker.Reported> before = steadyModules();
        String content = rig.canonicalServices();
        List<Future<?>> tasks = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            boolean inPlace = w % 2 == 1;
            tasks.add(pool.submit(() -> rewrite(content, inPlace)));
        }
        List<String> names = new ArrayList<>(before.keySet());
        for (int c = 0; c < 2 && !names.isEmpty(); c++) {
            tasks.add(pool.submit(() -> {
                for (int i = 0; i < 5; i++) {
                    String name = names.get(random.nextInt(names.size()));
                    rig.api.post("/api/modules/" + name + "/start");
                    rig.api.get("/api/modules");
                }
            }));
        }
        for (Future<?> task : tasks) {
            task.get(STEP_BOUND_SECONDS, TimeUnit.SECONDS);
        }
        rig.restoreServices();
        compare(before, "concurrent rewrites of services.json");
    }

    private Void rewrite(String content, boolean inPlace) throws IOException {
        Path file = rig.servicesFile();
        for (int i = 0; i < WRITES_PER_WRITER; i++) {
            if (inPlace) {
                Files.writeString(file, content, StandardCharsets.UTF_8);
            } else {
                AtomicFiles.writeString(file, content);
            }
            LockSupport.parkNanos(Duration.ofMillis(random.nextInt(20)).toNanos());
        }
        return null;
    }

    /** Modules running now with a pid (crash-prone ones excluded: they change on their own). */
    private Map<String, InvariantChecker.Reported> steadyModules() {
        Map<String, InvariantChecker.Reported> reported = checker.reported(new ArrayList<>());
        Map<String, InvariantChecker.Reported> steady = new java.util.TreeMap<>();
        if (reported != null) {
            reported.forEach((name, r) -> {
                if ("running".equals(r.state()) && r.pid() != null
                        && rig.module(name).role() != ModuleRole.CRASHES_AT_START) {
                    steady.put(name, r);
                }
            });
        }
        return steady;
    }

    private void compare(Map<String, InvariantChecker.Reported> before, String cause) {
        Map<String, InvariantChecker.Reported> after = checker.reported(new ArrayList<>());
        if (after == null) {
            violation.accept("no module list after " + cause);
            return;
        }
        before.forEach((name, was) -> {
            InvariantChecker.Reported now = after.get(name);
            if (now == null || !was.equals(now)) {
                violation.accept(cause + " disturbed " + name + ": " + was + " -> " + now + "; hub log:\n"
                        + rig.hub.logLines(name, DIAGNOSTIC_LINES));
            }
        });
    }

    private String malformedVariant() {
        String canonical = rig.canonicalServices();
        List<String> variants = List.of("", "   \n", "{", "not json at all", "{\"services\": {}}",
                "{\"services\": [42]}", canonical.substring(0, canonical.length() / 2),
                canonical.replaceFirst("\"port\": \\d+, ", ""),
                canonical.replaceFirst("\"port\": \\d+", "\"port\": " + rig.modules.get(1).port()),
                "\u0000\u00ff\u00fe garbage");
        return variants.get(random.nextInt(variants.size()));
    }
}

package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent start/stop/restart on one module never yields two live processes or a lost transition. */
class SupervisorStormTest {
    private static final int THREADS = 8;
    private static final int OPS_PER_THREAD = 25;
    private static final long STORM_TIMEOUT_SECONDS = 120;
    /** No PORT: no readiness gate, so the storm exercises the locking, not python's start-up time. */
    private static final SpawnRequest SLEEPER = new SpawnRequest("storm", List.of("sleep", "60"), null, Map.of());

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
    void startStopRestartStormKeepsAtMostOneLiveProcess() throws Exception {
        AtomicBoolean stormOver = new AtomicBoolean();
        AtomicInteger overlaps = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!stormOver.get()) {
                if (liveCountNewestFirst() > 1) {
                    overlaps.incrementAndGet();
                }
                Thread.onSpinWait();
            }
        }, "storm-sampler");
        sampler.start();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = 1000L + t;
            workers.add(pool.submit(() -> storm(new Random(seed))));
        }
        for (Future<?> worker : workers) {
            worker.get(STORM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        pool.shutdown();
        stormOver.set(true);
        sampler.join(TimeUnit.SECONDS.toMillis(5));

        assertEquals(0, overlaps.get(), "two processes of one module were alive at once");
        ModuleSnapshot last = fx.supervisor.get("storm").orElseThrow();
        List<ChildProcess> alive = fx.launcher.alive();
        if (last.is(ModuleState.RUNNING)) {
            assertEquals(1, alive.size(), last.toString());
            assertEquals(alive.get(0).pid(), last.pid());
        } else {
            assertTrue(last.is(ModuleState.STOPPED), last.toString());
            assertTrue(alive.isEmpty(), alive.toString());
            assertNull(last.pid());
        }
        assertTrue(fx.launcher.spawnCount() > 1, "the storm should have spawned more than once");
    }

    private void storm(Random random) {
        for (int i = 0; i < OPS_PER_THREAD; i++) {
            switch (random.nextInt(3)) {
                case 0 -> fx.supervisor.start(SLEEPER);
                case 1 -> fx.supervisor.stop("storm");
                default -> fx.supervisor.restart("storm", SLEEPER);
            }
        }
    }

    /**
     * Counts live children checking the newest first: a newer one alive and then an older one still alive means
     * they really overlapped (the reverse order could see an old one die and a new one start between the checks).
     */
    private int liveCountNewestFirst() {
        List<ChildProcess> children = fx.launcher.children();
        int live = 0;
        for (int i = children.size() - 1; i >= 0; i--) {
            if (RecordingLauncher.notReaped(children.get(i))) {
                live++;
            }
        }
        return live;
    }
}

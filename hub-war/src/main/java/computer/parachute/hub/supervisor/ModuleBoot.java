package computer.parachute.hub.supervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;

/**
 * Starts every installed module at hub boot, concurrently (DESIGN §5 Boot: boot time is the slowest module, not
 * the sum, unlike the reference's serial loop). The caller reaps orphans first ({@link Supervisor#reapOrphans()})
 * and binds the hub port before calling this. Decisions come back in plan order.
 */
public final class ModuleBoot {
    private static final Logger LOG = Logger.getLogger(ModuleBoot.class.getName());
    /** One thread per module being started (each mostly waits on its readiness gate), capped for a large registry. */
    private static final int MAX_PARALLEL_STARTS = 32;
    private static final long POOL_STOP_SECONDS = 5;

    private final Supervisor supervisor;

    public ModuleBoot(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    public List<BootDecision> boot(List<BootPlan> plans) {
        if (plans.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = NamedThreads.fixedPool("module-boot", Math.min(plans.size(), MAX_PARALLEL_STARTS));
        try {
            List<CompletableFuture<BootDecision>> decisions = new ArrayList<>();
            for (BootPlan plan : plans) {
                decisions.add(plan.request() == null
                        ? CompletableFuture.completedFuture(skip(plan))
                        : CompletableFuture.supplyAsync(() -> start(plan), pool));
            }
            return decisions.stream().map(CompletableFuture::join).toList();
        } finally {
            NamedThreads.shutdown(pool, POOL_STOP_SECONDS);
        }
    }

    private static BootDecision skip(BootPlan plan) {
        LOG.info(() -> "[supervisor] " + plan.shortName() + ": skipped (" + plan.skipReason() + ").");
        return new BootDecision(plan.shortName(), BootDecision.SKIPPED, plan.skipReason(), null);
    }

    private BootDecision start(BootPlan plan) {
        try {
            ModuleSnapshot snapshot = supervisor.start(plan.request());
            LOG.info(() -> "[supervisor] " + plan.shortName() + ": started (cmd="
                    + String.join(" ", plan.request().cmd()) + ") -> " + snapshot.state() + ".");
            return new BootDecision(plan.shortName(), BootDecision.STARTED, null, snapshot);
        } catch (RuntimeException e) {
            LOG.warning(() -> "[supervisor] " + plan.shortName() + ": start failed: " + e);
            return new BootDecision(plan.shortName(), BootDecision.FAILED, String.valueOf(e.getMessage()), null);
        }
    }
}

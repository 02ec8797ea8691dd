package computer.parachute.hub.modules;

import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRead;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.manifest.ShortNames;
import computer.parachute.hub.core.manifest.StartCommand;
import computer.parachute.hub.core.manifest.StartCommands;
import computer.parachute.hub.supervisor.BootDecision;
import computer.parachute.hub.supervisor.BootPlan;
import computer.parachute.hub.supervisor.ModuleBoot;
import computer.parachute.hub.supervisor.NamedThreads;
import computer.parachute.hub.supervisor.SpawnRequests;
import computer.parachute.hub.supervisor.Supervisor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Boots every installed module when the hub starts (DESIGN §5 Boot): orphans of a previous hub are reaped first,
 * then every row with a resolvable start command starts concurrently, off the servlet-start thread, so /health
 * answers at once and {@code /api/ready} reports progress. Rows without a command are skipped with a logged reason.
 */
public final class HubBoot {
    private static final Logger LOG = Logger.getLogger(HubBoot.class.getName());

    private final ServicesRegistry registry;
    private final Supervisor supervisor;
    private final SpawnRequests requests;
    private volatile CompletableFuture<List<BootDecision>> done = CompletableFuture.completedFuture(List.of());

    public HubBoot(ServicesRegistry registry, Supervisor supervisor, SpawnRequests requests) {
        this.registry = registry;
        this.supervisor = supervisor;
        this.requests = requests;
    }

    /** Reaps orphans, then starts the modules on a background thread; returns at once. */
    public synchronized CompletableFuture<List<BootDecision>> startInBackground() {
        done = CompletableFuture.supplyAsync(this::boot, runnable -> NamedThreads.factory("hub-boot")
                .newThread(runnable).start());
        done.whenComplete((decisions, error) -> {
            if (error != null) {
                LOG.log(Level.SEVERE, "[supervisor] module boot failed", error);
            }
        });
        return done;
    }

    public boolean isBooting() {
        return !done.isDone();
    }

    List<BootDecision> boot() {
        supervisor.reapOrphans().forEach(orphan ->
                LOG.info(() -> "[supervisor] reaped " + orphan.shortName() + " (pid " + orphan.pid() + ") left by a previous hub"));
        List<BootDecision> decisions = new ModuleBoot(supervisor).boot(plans());
        long started = decisions.stream().filter(d -> BootDecision.STARTED.equals(d.outcome())).count();
        if (started > 0) {
            LOG.info(() -> "parachute hub: supervisor booted " + started + " module(s) from " + registry.file() + ".");
        }
        return decisions;
    }

    List<BootPlan> plans() {
        ServicesRead read = registry.readLenient();
        read.warnings().forEach(w -> LOG.warning("[supervisor] " + w));
        List<BootPlan> plans = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ServiceEntry entry : read.entries()) {
            Optional<String> shortName = ShortNames.forManifest(entry.name());
            if (shortName.isEmpty() || !seen.add(shortName.get())) {
                LOG.warning(() -> "[supervisor] \"" + entry.name() + "\": no usable short name (or a duplicate) — skipping.");
                continue;
            }
            plans.add(plan(shortName.get(), entry));
        }
        return plans;
    }

    private BootPlan plan(String shortName, ServiceEntry entry) {
        Optional<String> refusal = requests.refusal(shortName, entry);
        if (refusal.isPresent()) {
            LOG.warning(() -> "[supervisor] " + refusal.get() + " — not starting it.");
            return BootPlan.skip(shortName, refusal.get());
        }
        StartCommand command = StartCommands.resolve(entry);
        if (command instanceof StartCommand.Skipped skipped) {
            return BootPlan.skip(shortName, skipped.reason() + ": " + skipped.description());
        }
        try {
            return BootPlan.start(requests.forModule(shortName, entry, (StartCommand.Resolved) command));
        } catch (RuntimeException e) {
            return BootPlan.skip(shortName, "spawn request: " + e.getMessage());
        }
    }
}

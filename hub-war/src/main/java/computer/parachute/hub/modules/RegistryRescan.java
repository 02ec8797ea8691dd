package computer.parachute.hub.modules;

import computer.parachute.hub.core.fs.StampedCache;
import computer.parachute.hub.core.manifest.RegistryState;
import computer.parachute.hub.core.manifest.ServicesFileException;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.manifest.ShortNames;
import computer.parachute.hub.supervisor.ModuleSnapshot;
import computer.parachute.hub.supervisor.Supervisor;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Picks up services.json edits made while the hub runs: a supervised module whose row was removed is stopped and
 * forgotten. New rows need no action (every API start reads the registry). A file that does not parse strictly
 * is left alone — a half-edited registry must never stop the operator's modules — and said so once per version of
 * the file, not on every tick. A removal that could not be completed (the module was busy, or the stop failed) is
 * retried on the next tick even when the file has not changed since.
 */
public final class RegistryRescan implements Runnable {
    private static final Logger LOG = Logger.getLogger(RegistryRescan.class.getName());

    private final ServicesRegistry registry;
    private final Supplier<List<String>> supervised;
    private final Predicate<String> stopAndForget;
    private StampedCache.Stamp lastSeen;
    private Set<String> installed;
    private boolean removalPending;

    public RegistryRescan(ServicesRegistry registry, Supervisor supervisor) {
        this(registry, () -> supervisor.list().stream().map(ModuleSnapshot::shortName).toList(), shortName -> {
            supervisor.stop(shortName);
            if (supervisor.forget(shortName) || supervisor.get(shortName).isEmpty()) {
                return true;
            }
            LOG.warning(() -> "[supervisor] " + shortName + ": could not be forgotten yet (state "
                    + supervisor.get(shortName).map(ModuleSnapshot::state).orElse("gone") + "); retrying on the next rescan.");
            return false;
        });
    }

    /** {@code stopAndForget} answers whether the module is gone afterwards (tests make it fail). */
    RegistryRescan(ServicesRegistry registry, Supplier<List<String>> supervised, Predicate<String> stopAndForget) {
        this.registry = registry;
        this.supervised = supervised;
        this.stopAndForget = stopAndForget;
    }

    @Override
    public synchronized void run() {
        RegistryState state = registry.state(); // a stat when nothing changed: the parse is cached per version
        boolean changed = !Objects.equals(state.stamp(), lastSeen);
        if (!changed && !removalPending) {
            return;
        }
        if (changed) {
            lastSeen = state.stamp();
            Optional<ServicesFileException> invalid = state.invalid();
            if (invalid.isPresent()) {
                LOG.warning(() -> "[supervisor] not rescanning: " + invalid.get().getMessage());
                return;
            }
            Set<String> rows = new HashSet<>();
            state.strict().forEach(row -> ShortNames.forManifest(row.name()).ifPresent(rows::add));
            installed = rows;
        }
        if (installed != null) {
            removalPending = !removeUninstalled();
        }
    }

    /** Stops and forgets every supervised module without a row; false when one of them could not be removed. */
    private boolean removeUninstalled() {
        boolean allRemoved = true;
        for (String shortName : supervised.get()) {
            if (installed.contains(shortName)) {
                continue;
            }
            LOG.info(() -> "[supervisor] " + shortName + ": removed from " + registry.file() + " — stopping it.");
            try {
                allRemoved &= stopAndForget.test(shortName);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "[supervisor] " + shortName + ": removal failed (" + e.getMessage()
                        + "); retrying on the next rescan.", e);
                allRemoved = false;
            }
        }
        return allRemoved;
    }
}

package computer.parachute.hub.modules;

import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesFileException;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.manifest.ShortNames;
import computer.parachute.hub.supervisor.ModuleSnapshot;
import computer.parachute.hub.supervisor.Supervisor;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Picks up services.json edits made while the hub runs: a supervised module whose row was removed is stopped and
 * forgotten. New rows need no action (every API start reads the file afresh). A file that does not parse strictly
 * is left alone — a half-edited registry must never stop the operator's modules.
 */
public final class RegistryRescan implements Runnable {
    private static final Logger LOG = Logger.getLogger(RegistryRescan.class.getName());

    private final ServicesRegistry registry;
    private final Supervisor supervisor;
    private Object lastSeen;

    public RegistryRescan(ServicesRegistry registry, Supervisor supervisor) {
        this.registry = registry;
        this.supervisor = supervisor;
    }

    @Override
    public synchronized void run() {
        Object stamp = RegistryStamp.of(registry.file());
        if (Objects.equals(stamp, lastSeen)) {
            return;
        }
        List<ServiceEntry> rows;
        try {
            rows = registry.readStrict();
        } catch (ServicesFileException e) {
            LOG.warning(() -> "[supervisor] not rescanning: " + e.getMessage());
            return;
        }
        lastSeen = stamp;
        Set<String> installed = new HashSet<>();
        rows.forEach(row -> ShortNames.forManifest(row.name()).ifPresent(installed::add));
        for (ModuleSnapshot module : supervisor.list()) {
            if (!installed.contains(module.shortName())) {
                LOG.info(() -> "[supervisor] " + module.shortName() + ": removed from " + registry.file() + " — stopping it.");
                supervisor.stop(module.shortName());
                supervisor.forget(module.shortName());
            }
        }
    }
}

package computer.parachute.hub.proxy;

import computer.parachute.hub.core.fs.StampedCache;
import computer.parachute.hub.core.manifest.RegistryState;
import computer.parachute.hub.core.manifest.ServicesRead;
import computer.parachute.hub.core.manifest.ServicesRegistry;

import java.nio.file.Files;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Keeps the front door's {@link RouteTable} in step with services.json: {@link #run} (polled by the hub, and nudged
 * when a module starts) rebuilds the table when the file changed, so an install, uninstall or path change is routed
 * within the poll interval, with no restart. Requests read the current table without locking. A file that cannot be
 * read at all keeps the previous table: a half-edited registry must not take every module off the front door.
 */
public final class ModuleRouter implements Runnable {
    private static final Logger LOG = Logger.getLogger(ModuleRouter.class.getName());

    private final ServicesRegistry registry;
    private volatile RouteTable table = RouteTable.EMPTY;
    private StampedCache.Stamp lastSeen;

    public ModuleRouter(ServicesRegistry registry) {
        this.registry = registry;
    }

    public RouteTable table() {
        return table;
    }

    @Override
    public synchronized void run() {
        RegistryState state = registry.state(); // a stat when nothing changed: the parse is cached per version
        StampedCache.Stamp stamp = state.stamp();
        if (Objects.equals(stamp, lastSeen)) {
            return;
        }
        ServicesRead read = state.lenient();
        if (read.entries().isEmpty() && !read.warnings().isEmpty() && Files.exists(registry.file())) {
            LOG.warning(() -> "[proxy] keeping the previous routes: " + String.join("; ", read.warnings()));
            lastSeen = stamp;
            return;
        }
        lastSeen = stamp;
        table = RouteTable.of(read.entries(), problem -> LOG.severe("[proxy] " + problem));
        LOG.info(() -> "[proxy] routing " + table.modules().stream()
                .map(m -> m.shortName() + " " + m.paths()).toList() + " from " + registry.file());
    }
}

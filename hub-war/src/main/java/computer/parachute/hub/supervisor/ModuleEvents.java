package computer.parachute.hub.supervisor;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fan-out of module changes to whoever watches the supervisor (dashboard events, metrics, proxy routing). A change
 * is published as the module's snapshot right after it happened, on the thread that made it and under the module's
 * state lock, so listeners see changes of one module in order; a listener must hand off and return at once (never
 * block, never call back into the supervisor's operations). A listener that throws is logged and kept.
 */
public final class ModuleEvents {
    private static final Logger LOG = Logger.getLogger(ModuleEvents.class.getName());

    private final CopyOnWriteArrayList<Consumer<ModuleSnapshot>> listeners = new CopyOnWriteArrayList<>();

    /** Delivers every later change until the returned handle is closed. */
    public AutoCloseable subscribe(Consumer<ModuleSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(ModuleSnapshot change) {
        for (Consumer<ModuleSnapshot> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "module event listener failed on " + change.shortName(), e);
            }
        }
    }
}

package computer.parachute.hub.app;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import java.util.logging.Logger;

/**
 * The port this hub is really served on. The launcher knows it (it binds before the WAR starts and passes
 * {@code PORT}); dropped into a servlet container without {@code PORT}, the hub learns it from the local port of the
 * first request it sees ({@link ServedPortFilter}) instead of assuming 1939. What depends on it (the loopback origin,
 * token issuers) waits through {@link #whenKnown}. With several connectors, the first one used wins.
 */
public final class ServedPort {
    private static final Logger LOG = Logger.getLogger(ServedPort.class.getName());

    private volatile int port;
    private final List<IntConsumer> waiting = new ArrayList<>();

    private ServedPort(int port) {
        this.port = port;
    }

    /** Known from the start when {@code configured} is a real port; unknown for 0 (none given, or "any port"). */
    public static ServedPort configured(int configured) {
        return new ServedPort(Math.max(configured, 0));
    }

    public OptionalInt get() {
        int known = port;
        return known > 0 ? OptionalInt.of(known) : OptionalInt.empty();
    }

    public boolean isKnown() {
        return port > 0;
    }

    /** Records the port a request arrived on, once; the actions waiting for it run on this thread. */
    public void learn(int localPort) {
        List<IntConsumer> actions;
        synchronized (this) {
            if (port > 0 || localPort <= 0) {
                return;
            }
            port = localPort;
            actions = List.copyOf(waiting);
            waiting.clear();
        }
        LOG.info(() -> "hub port learned from the first request: " + localPort);
        actions.forEach(action -> action.accept(localPort));
    }

    /** Runs {@code action} with the port: now if it is known, else when the first request teaches it. */
    public void whenKnown(IntConsumer action) {
        int known;
        synchronized (this) {
            known = port;
            if (known <= 0) {
                waiting.add(action);
                return;
            }
        }
        action.accept(known);
    }
}

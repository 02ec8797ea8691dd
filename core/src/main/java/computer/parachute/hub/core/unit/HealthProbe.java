package computer.parachute.hub.core.unit;

/** Does a hub answer on 127.0.0.1:{@code port}? Injected so tests decide; must not throw. */
@FunctionalInterface
public interface HealthProbe {

    boolean healthy(int port);
}

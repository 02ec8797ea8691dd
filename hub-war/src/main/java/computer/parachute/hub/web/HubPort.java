package computer.parachute.hub.web;

import java.util.function.IntSupplier;

/** The port this hub answers on (names the session cookie); read when needed, as the launcher learns it at bind. */
@FunctionalInterface
public interface HubPort {
    int get();

    static HubPort of(IntSupplier port) {
        return port::getAsInt;
    }
}

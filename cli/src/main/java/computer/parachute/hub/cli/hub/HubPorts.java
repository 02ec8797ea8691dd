package computer.parachute.hub.cli.hub;

import computer.parachute.hub.core.fs.BoundedFiles;
import computer.parachute.hub.core.home.HubHome;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Which port the CLI looks for the hub on: the port the running hub recorded in {@code hub/run/hub.port}, else
 * {@code PARACHUTE_HUB_PORT}, else 1939 (reference §6.3 "hub.port file or 1939"; the variable lets tests and
 * second installs avoid the fixed port).
 */
public final class HubPorts {
    public static final String PORT_ENV = "PARACHUTE_HUB_PORT";
    /** DESIGN §2: the hub's default port. */
    public static final int DEFAULT_PORT = 1939;
    private static final int MAX_PORT = 65_535;

    private HubPorts() {}

    /** The port a hub started now would use. */
    public static int configured(Map<String, String> env) {
        return parse(env.get(PORT_ENV)).orElse(DEFAULT_PORT);
    }

    /** The port in hub.port, when present and valid. */
    public static OptionalInt recorded(HubHome home) {
        try {
            return parse(BoundedFiles.readString(home.hubPortFile(), BoundedFiles.RUN_FILE_BYTES));
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /** Where to look for a hub: recorded, else configured. */
    public static int current(HubHome home, Map<String, String> env) {
        return recorded(home).orElse(configured(env));
    }

    private static OptionalInt parse(String text) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            int port = Integer.parseInt(text.trim());
            return port >= 1 && port <= MAX_PORT ? OptionalInt.of(port) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}

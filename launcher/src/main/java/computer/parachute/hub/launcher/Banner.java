package computer.parachute.hub.launcher;

import computer.parachute.hub.core.config.HubConfig;
import computer.parachute.hub.core.net.PortOwner;

import java.util.Optional;

/** The launcher's one-line messages (reference §2.9). */
final class Banner {
    /** A JVM's command line runs to kilobytes of class path; the start names the program well enough. */
    static final int MAX_COMMAND_CHARS = 160;
    private static final String ALL_INTERFACES = "0.0.0.0";

    private Banner() {}

    static String listening(HubConfig config, int port, String version) {
        boolean everywhere = ALL_INTERFACES.equals(config.bindHost()) || "::".equals(config.bindHost());
        String host = everywhere ? "127.0.0.1" : config.bindHost();
        return "listening on http://" + host + ":" + port
                + (everywhere ? " (bound on all interfaces: " + config.bindHost() + ":" + port + ")" : "")
                + " (PARACHUTE_HOME=" + config.home() + ", db=" + config.home().hubDb() + ", version=" + version + ", java=" + Runtime.version().feature() + ")";
    }

    static String portInUse(int port, Optional<PortOwner> owner) {
        String holder = owner.map(o -> " by pid " + o.pid() + " (" + abbreviate(o.commandLine()) + ")")
                .orElse(" (find the holder with `lsof -iTCP:" + port + " -sTCP:LISTEN`)");
        return "hub port " + port + " is already in use" + holder
                + " — another hub is running? stop it with `parachute stop hub`";
    }

    private static String abbreviate(String commandLine) {
        if (commandLine == null || commandLine.isBlank()) {
            return "unknown command";
        }
        return commandLine.length() <= MAX_COMMAND_CHARS ? commandLine
                : commandLine.substring(0, MAX_COMMAND_CHARS) + "…";
    }
}

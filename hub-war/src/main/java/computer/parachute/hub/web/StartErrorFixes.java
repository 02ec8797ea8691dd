package computer.parachute.hub.web;

import computer.parachute.hub.supervisor.StartError;
import computer.parachute.hub.supervisor.StartErrorType;

/** The "how to fix it" sentence the dashboard shows under a start error, per error code (DESIGN §5). */
final class StartErrorFixes {
    private StartErrorFixes() {}

    static String fix(StartError error) {
        String binary = error.binary() == null ? "the command" : error.binary();
        for (StartErrorType type : StartErrorType.values()) {
            if (error.is(type)) {
                return switch (type) {
                    case MISSING_DEPENDENCY -> "Install " + binary + " (or fix startCmd in the module's .parachute/module.json), then press Start.";
                    case NON_EXECUTABLE -> "Make " + binary + " executable (chmod +x), then press Start.";
                    case STARTED_BUT_UNBOUND -> "The module runs but nothing listens on its port yet: open its log and check it binds 127.0.0.1:$PORT.";
                    case PORT_SQUATTER -> "Stop the process named above (the hub did not start it), or give the module another port, then press Start.";
                    case SPAWN_FAILED -> "Check the module's install directory and startCmd, then press Start.";
                };
            }
        }
        return "Open the module's log for the cause, then press Start.";
    }
}

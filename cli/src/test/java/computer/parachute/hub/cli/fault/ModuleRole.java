package computer.parachute.hub.cli.fault;

import java.util.Map;

/** What a fault-suite module does wrong (its TM_* switches, written to {@code <short>/.env}). */
enum ModuleRole {
    PLAIN(Map.of()),
    IGNORES_TERM(Map.of("TM_IGNORE_TERM", "1")),
    NEVER_BINDS(Map.of("TM_NEVER_BIND", "1")),
    CRASHES_AT_START(Map.of("TM_CRASH_AT_START", "1")),
    GRANDCHILD(Map.of("TM_GRANDCHILD", "1")),
    GRANDCHILD_IGNORES_TERM(Map.of("TM_GRANDCHILD", "1", "TM_IGNORE_TERM", "1")),
    /** The listener daemonizes (fork, setsid, fork): another session, tied to the module only by its spawn id. */
    DAEMONIZES(Map.of("TM_DAEMONIZE", "1"));

    final Map<String, String> env;

    ModuleRole(Map<String, String> env) {
        this.env = env;
    }

    /** A SIGTERM alone does not end it: a stop costs the hub's whole 5 s grace. */
    boolean ignoresTerm() {
        return this == IGNORES_TERM || this == GRANDCHILD_IGNORES_TERM;
    }

    /** Ends up listening on its port when started (never-bind and crash-at-start modules do not). */
    boolean binds() {
        return this != NEVER_BINDS && this != CRASHES_AT_START;
    }
}

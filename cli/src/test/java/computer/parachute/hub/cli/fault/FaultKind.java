package computer.parachute.hub.cli.fault;

/**
 * The faults the suite injects, with their relative weight in the random mix. Slow kinds (a hub restart, a stop
 * that waits out the 5 s grace, a 4 s readiness window) weigh little so the default run stays short.
 */
enum FaultKind {
    KILL9_MODULE("kill9-module", 20),
    KILL9_HUB("kill9-hub", 1),
    TERM_IGNORING_STOP("term-ignoring-stop", 1),
    SQUATTER("squatter", 5),
    NEVER_BIND("never-bind", 1),
    CRASH_AT_START("crash-at-start", 4),
    MALFORMED_SERVICES("malformed-services", 8),
    CONCURRENT_REWRITE("concurrent-rewrite", 6),
    API_STORM("api-storm", 30),
    DAEMONIZING_STOP("daemonizing-stop", 3),
    LOOKALIKE_SQUATTER("lookalike-squatter", 3),
    CLI("cli", 8);

    final String label;
    final int weight;

    FaultKind(String label, int weight) {
        this.label = label;
        this.weight = weight;
    }
}

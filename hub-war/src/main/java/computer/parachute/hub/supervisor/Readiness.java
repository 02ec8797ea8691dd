package computer.parachute.hub.supervisor;

/** How a readiness wait ended. */
enum Readiness {
    /** The port accepted a loopback connection. */
    READY,
    /** The process exited first (a crash is the exit callback's business). */
    EXITED,
    /** The window elapsed with the port still closed. */
    TIMED_OUT
}

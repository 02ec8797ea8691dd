package computer.parachute.hub.supervisor;

/** The two signals the supervisor sends (DESIGN §5 Stop). */
public enum Signal {
    TERM, KILL
}

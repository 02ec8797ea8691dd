package computer.parachute.hub.cli;

/** The CLI's three exit codes (DESIGN §8): every verb returns one of these, and only {@link ParachuteCli#main} exits. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Any failure the operator can act on (a ✗ line says which). */
    public static final int FAILURE = 1;
    /** The command line itself was wrong: unknown verb, bad option, missing argument. */
    public static final int USAGE = 2;

    private ExitCodes() {}
}

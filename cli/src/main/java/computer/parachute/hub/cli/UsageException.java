package computer.parachute.hub.cli;

/** The command line was wrong in a way the parser could not express (for example an invalid module name): exit 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}

package computer.parachute.hub.cli;

/**
 * An expected failure: {@link ParachuteCli} prints the message as one {@code ✗} line and exits 1. The message must
 * say what went wrong and what to do about it; it is never a stack trace.
 */
public final class CliFailure extends Exception {
    public CliFailure(String message) {
        super(message, null, false, false);
    }
}

package computer.parachute.hub.core.token;

/**
 * The CLI cannot use the operator token. The message is the one line the operator sees: what is wrong and the
 * command that fixes it (DESIGN §7) — never a raw 401 or a JWT library message.
 */
public abstract class OperatorTokenException extends Exception {
    /** The command every operator-token problem is fixed with. */
    public static final String ROTATE_COMMAND = "parachute auth rotate-operator";

    protected OperatorTokenException(String message) {
        super(message);
    }
}

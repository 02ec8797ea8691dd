package computer.parachute.hub.core.token;

/**
 * The operator token has expired. It is never re-minted silently: the operator rotates it on purpose (DESIGN §7,
 * reference §10 "Expired-token message").
 */
public final class OperatorTokenExpiredException extends OperatorTokenException {
    public static final String MESSAGE =
            "your operator token has expired; run `" + ROTATE_COMMAND + "` to re-mint";

    public OperatorTokenExpiredException() {
        super(MESSAGE);
    }
}

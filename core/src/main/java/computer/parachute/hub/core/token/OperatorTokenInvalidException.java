package computer.parachute.hub.core.token;

import java.io.IOException;
import java.nio.file.Path;

/** The operator token cannot be read or written, or does not verify; the message says why and names the fix. */
public final class OperatorTokenInvalidException extends OperatorTokenException {
    private static final String REMINT = "run `" + ROTATE_COMMAND + "` to re-mint";

    private OperatorTokenInvalidException(String message) {
        super(message);
    }

    /** {@code problem} is a clause such as "your operator token has been revoked". */
    public static OperatorTokenInvalidException because(String problem) {
        return new OperatorTokenInvalidException(problem + "; " + REMINT);
    }

    /** {@code action} is "read" or "replace". */
    public static OperatorTokenInvalidException io(String action, Path path, IOException cause) {
        OperatorTokenInvalidException e = new OperatorTokenInvalidException("cannot " + action
                + " the operator token at " + path + " (" + cause.getClass().getSimpleName() + "); fix the file's owner or mode, or " + REMINT);
        e.initCause(cause);
        return e;
    }

    /** The CLI wording for a hub-side rejection (never the JWT library's text). */
    static OperatorTokenInvalidException rejected(TokenRejectedException.Reason reason) {
        String problem = switch (reason) {
            case BAD_SIGNATURE -> "your operator token's signature does not verify";
            case UNKNOWN_KEY -> "your operator token was signed by a key this hub no longer has";
            case REVOKED -> "your operator token has been revoked";
            case NOT_ISSUED -> "your operator token is not in this hub's record of the tokens it issued";
            case LIFETIME_TOO_LONG -> "your operator token lives longer than an operator token may";
            case NOT_YET_VALID -> "your operator token is not valid yet (check the system clock)";
            case WRONG_ISSUER -> "your operator token was issued for a different hub origin";
            default -> "your operator token is not one this hub issued";
        };
        return because(problem);
    }
}

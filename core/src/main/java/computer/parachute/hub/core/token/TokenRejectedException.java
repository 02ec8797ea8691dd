package computer.parachute.hub.core.token;

/**
 * A bearer token failed validation. {@link #code()} is the API error code ({@code invalid_token} or
 * {@code token_expired}, DESIGN §6); the message is one human line saying what is wrong, never the JWT library's
 * text alone; {@link #reason()} says exactly which check failed (for logs and tests).
 */
public final class TokenRejectedException extends Exception {
    public static final String INVALID_TOKEN = "invalid_token";
    public static final String TOKEN_EXPIRED = "token_expired";

    /** Which check rejected the token, in the order {@link TokenVerifier} runs them. */
    public enum Reason {
        MALFORMED, UNSUPPORTED_ALGORITHM, MISSING_KID, UNKNOWN_KEY, BAD_SIGNATURE, MISSING_CLAIM, EXPIRED,
        NOT_YET_VALID, LIFETIME_TOO_LONG, NOT_ISSUED, REVOKED, WRONG_AUDIENCE, WRONG_ISSUER
    }

    private final Reason reason;

    public TokenRejectedException(Reason reason, String description) {
        super(description);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return reason == Reason.EXPIRED ? TOKEN_EXPIRED : INVALID_TOKEN;
    }

    public String description() {
        return getMessage();
    }
}

package computer.parachute.hub.core.token;

import jakarta.json.JsonObject;
import computer.parachute.hub.core.db.HubDatabase;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The CLI's way to get a bearer token (DESIGN §7, reference §4.3): read operator.token, refuse a missing or
 * expired one with the fix, and re-mint one with under 7 days left (same scope set and sub, never widened).
 *
 * <p>The common case — more than 7 days left — only decodes the payload: no hub.db, no RSA verification, since
 * the hub verifies every request anyway and each CLI call should stay fast. hub.db is opened (through the lazy
 * supplier, whose owner closes it) only to re-mint or when the caller asks for a full check.
 */
public final class OperatorTokenUse {
    /** DESIGN §7: a token with less than this left is re-minted. */
    public static final Duration AUTO_ROTATE_WINDOW = Duration.ofDays(7);

    private final OperatorTokenFile file;
    private final Set<String> acceptedIssuers;
    private final Supplier<HubDatabase> database;
    private final Clock clock;

    public OperatorTokenUse(OperatorTokenFile file, Set<String> acceptedIssuers, Supplier<HubDatabase> database,
                            Clock clock) {
        this.file = file;
        this.acceptedIssuers = acceptedIssuers;
        this.database = database;
        this.clock = clock;
    }

    /** The fast path: the token to send, re-minted first if it is within the rotation window. */
    public UseOutcome useForCli() throws OperatorTokenException {
        return useForCli(false);
    }

    /** {@code fullCheck} also verifies signature, revocation and issuer against hub.db for a fresh token. */
    public UseOutcome useForCli(boolean fullCheck) throws OperatorTokenException {
        String token = readToken();
        Instant expiresAt = expiryOf(token);
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now)) {
            throw new OperatorTokenExpiredException();
        }
        boolean fresh = Duration.between(now, expiresAt).compareTo(AUTO_ROTATE_WINDOW) > 0;
        if (fresh && !fullCheck) {
            return new UseOutcome(token, UseOutcome.Status.FRESH, null, expiresAt);
        }
        TokenServices services = TokenServices.over(database.get(), clock);
        VerifiedToken verified = verifyForCli(services.verifier(), token);
        if (fresh) {
            return new UseOutcome(token, UseOutcome.Status.FRESH, null, expiresAt);
        }
        Optional<SkipReason> refusal = RotationGuard.refusal(verified);
        if (refusal.isPresent()) {
            return new UseOutcome(token, UseOutcome.Status.SKIPPED, refusal.get(), expiresAt);
        }
        MintedToken minted = services.operatorTokens().mint(verified.scopeSet(), verified.sub(), verified.iss(),
                CreatedVia.AUTO_ROTATE);
        writeToken(minted.token());
        return new UseOutcome(minted.token(), UseOutcome.Status.ROTATED, null, minted.expiresAt());
    }

    private String readToken() throws OperatorTokenException {
        try {
            return file.read().orElseThrow(() -> new NoOperatorTokenException(file.path()));
        } catch (IOException e) {
            throw OperatorTokenInvalidException.io("read", file.path(), e);
        }
    }

    /** Decoded with {@link TokenTimes}, not java-jwt: the fresh-token path of every CLI call stays free of Jackson. */
    private Instant expiryOf(String token) throws OperatorTokenInvalidException {
        JsonObject claims = TokenTimes.claims(token).orElseThrow(() -> OperatorTokenInvalidException.because(
                "the operator token at " + file.path() + " is not a JWT"));
        return TokenTimes.fromClaims(claims).map(TokenTimes::expiresAt).orElseThrow(() ->
                OperatorTokenInvalidException.because("the operator token at " + file.path() + " has no exp/iat"));
    }

    private VerifiedToken verifyForCli(TokenVerifier verifier, String token) throws OperatorTokenException {
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (TokenRejectedException e) {
            if (e.reason() == TokenRejectedException.Reason.EXPIRED) {
                throw new OperatorTokenExpiredException();
            }
            throw OperatorTokenInvalidException.rejected(e.reason());
        }
        if (verified.iss() == null || !acceptedIssuers.contains(HubOrigins.normalize(verified.iss()))) {
            throw OperatorTokenInvalidException.because("your operator token was issued by " + verified.iss()
                    + ", which is not an origin of this hub");
        }
        return verified;
    }

    private void writeToken(String token) throws OperatorTokenInvalidException {
        try {
            file.write(token);
        } catch (IOException e) {
            throw OperatorTokenInvalidException.io("replace", file.path(), e);
        }
    }
}

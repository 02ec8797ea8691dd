package computer.parachute.hub.core.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Payload;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static computer.parachute.hub.core.token.TokenRejectedException.Reason;

/**
 * Validates operator tokens (DESIGN §7) in a fixed order: parse → algorithm is RS256 → kid present → kid known
 * (active, or retired < 24 h and not cut off by {@code rotate-key --now}) → signature → exp/nbf/iat against the
 * injected clock → {@code exp - iat} within the scope set's maximum → the jti is one this hub recorded when minting,
 * with the same expiry and scopes, and not revoked → aud = operator → iss ∈ the hub's origins (#516: signature
 * first, then the issuer from a set, never one per-request value). The record is an allow-list: a token signed
 * with a leaked key but never minted here is refused, and {@code auth revoke --all-operator} reaches every token
 * that could pass.
 * Every failure is a {@link TokenRejectedException} with our own sentence; library text never reaches a user.
 * <p>
 * Parsing and the RSA signature check are pure functions of the token text and the key, and cost most of an API
 * request (issue 10), so a token that passed the whole check is remembered by its exact text. A remembered token
 * still goes through everything that can change after it passed, on every call: its kid must still give the same
 * key (rotate-key --now, the 24 h retirement), the clock must be inside its [iat/nbf, exp) window (else the full
 * check runs and gives its own answer), and its hub.db row must still allow it (revoke, also from the CLI's
 * process, stops it at once).
 */
public final class TokenVerifier {
    /** Real operator tokens are ~900 chars; anything this long is rejected before it is parsed. */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;
    private static final String FIX = "run `parachute auth rotate-operator` to re-mint";
    private static final List<String> REQUIRED_CLAIMS = List.of("exp", "iat", "jti");
    /** A hub sees a handful of live tokens; past this the memory is dropped whole rather than tracked per entry. */
    private static final int MAX_REMEMBERED = 64;

    private final SigningKeys keys;
    private final TokenRegistry registry;
    private final Clock clock;
    /** Exact token text → the result of its parse, signature, time and lifetime checks (see the class comment). */
    private final Map<String, Passed> passed = new ConcurrentHashMap<>();

    /** What a full check established about a token, and the window in which its time checks hold. */
    private record Passed(VerifiedToken token, String kid, RSAPublicKey key, Instant validFrom, Instant validUntil) {}

    public TokenVerifier(SigningKeys keys, TokenRegistry registry, Clock clock) {
        this.keys = keys;
        this.registry = registry;
        this.clock = clock;
    }

    /** The full check the hub applies to every bearer token. */
    public VerifiedToken validate(String token, Set<String> acceptedIssuers) throws TokenRejectedException {
        VerifiedToken verified = verify(token);
        if (!verified.isOperatorAudience()) {
            throw new TokenRejectedException(Reason.WRONG_AUDIENCE, "bearer token audience is " + verified.aud()
                    + ", not " + OperatorTokens.AUDIENCE);
        }
        if (verified.iss() == null || !acceptedIssuers.contains(HubOrigins.normalize(verified.iss()))) {
            throw new TokenRejectedException(Reason.WRONG_ISSUER, "bearer token issuer " + verified.iss()
                    + " is not one of this hub's origins " + new TreeSet<>(acceptedIssuers) + "; " + FIX);
        }
        return verified;
    }

    /**
     * Signature, time and revocation only, with no audience or issuer pin: for the CLI's auto-rotate and issuer
     * self-heal, which decide about audience and issuer themselves (reference §4.3, §4.4).
     */
    public VerifiedToken verify(String token) throws TokenRejectedException {
        Passed known = token == null ? null : passed.get(token);
        if (known != null && insideWindow(known)) {
            // the key and the row in one read; anything but "same key, row present" takes the full check below,
            // which gives the same answer it always did (unknown key, no record)
            var read = registry.findCheck(known.token().jti(), known.kid(), keys.retiredAfterMillis());
            if (read.isPresent() && read.get().publicKeyPem() != null
                    && keys.parsedKey(known.kid(), read.get().publicKeyPem()).map(known.key()::equals).orElse(false)) {
                checkRecord(known.token(), read.get().expiresAt(), read.get().scopes(), read.get().revoked());
                return known.token();
            }
        }
        DecodedJWT decoded = parse(token);
        RSAPublicKey key = keyFor(decoded);
        checkSignatureAndTime(decoded, key);
        VerifiedToken verified = toVerified(decoded);
        checkLifetime(verified);
        checkIssuedHere(verified);
        remember(token, decoded, key, verified);
        return verified;
    }

    /**
     * The clock is strictly inside a remembered token's window (the last second before exp goes through the full
     * check, so java-jwt's own boundary rules decide there, with its exact message). The other checks a remembered
     * parse and signature cannot vouch for — the same key still accepted for the kid, the hub.db row — run in
     * {@link #verify(String)} on every call.
     */
    private boolean insideWindow(Passed known) {
        Instant now = clock.instant();
        return !now.isBefore(known.validFrom()) && now.isBefore(known.validUntil());
    }

    private void remember(String token, DecodedJWT decoded, RSAPublicKey key, VerifiedToken verified) {
        Instant from = verified.iat();
        Instant notBefore = decoded.getNotBeforeAsInstant();
        if (notBefore != null && notBefore.isAfter(from)) {
            from = notBefore;
        }
        if (passed.size() >= MAX_REMEMBERED) {
            passed.clear();
        }
        passed.put(token, new Passed(verified, decoded.getKeyId(), key, from, verified.exp().minusSeconds(1)));
    }

    private static void checkLifetime(VerifiedToken token) throws TokenRejectedException {
        Duration lifetime = Duration.between(token.iat(), token.exp());
        Duration max = ScopeSets.maxLifetime(token.scopeSet());
        if (lifetime.compareTo(max) > 0) {
            throw new TokenRejectedException(Reason.LIFETIME_TOO_LONG, "bearer token lives " + lifetime.toSeconds()
                    + " s (exp - iat), over the " + max.toDays() + "-day maximum for its scope set; " + FIX);
        }
    }

    private void checkIssuedHere(VerifiedToken token) throws TokenRejectedException {
        TokenRecord recorded = registry.find(token.jti()).orElseThrow(() -> new TokenRejectedException(
                Reason.NOT_ISSUED, "bearer token was not issued by this hub (no record of its jti); " + FIX));
        checkRecord(token, recorded);
    }

    private static void checkRecord(VerifiedToken token, TokenRecord recorded) throws TokenRejectedException {
        checkRecord(token, recorded.expiresAt(), recorded.scopes(), recorded.isRevoked());
    }

    private static void checkRecord(VerifiedToken token, Instant recordedExpiry, List<String> recordedScopes,
                                    boolean revoked) throws TokenRejectedException {
        // a forged token could reuse a recorded jti (readable by whoever read the key); it must also match the record
        if (recordedExpiry.getEpochSecond() != token.exp().getEpochSecond()
                || !sameScopes(recordedScopes, token.scopes())) {
            throw new TokenRejectedException(Reason.NOT_ISSUED,
                    "bearer token does not match the token this hub issued with its jti; " + FIX);
        }
        if (revoked) {
            throw new TokenRejectedException(Reason.REVOKED, "bearer token has been revoked; " + FIX);
        }
    }

    /** The two lists hold the same scopes, as sets: {@code Set.copyOf} of both, without the copies (every request). */
    private static boolean sameScopes(List<String> recorded, List<String> claimed) {
        return recorded.containsAll(claimed) && claimed.containsAll(recorded);
    }

    private static DecodedJWT parse(String token) throws TokenRejectedException {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
            throw malformed();
        }
        try {
            return JWT.decode(token.trim());
        } catch (RuntimeException e) {
            // untrusted input: any decoding failure (bad base64, bad JSON, wrong shape) is the same answer
            throw malformed();
        }
    }

    private RSAPublicKey keyFor(DecodedJWT decoded) throws TokenRejectedException {
        // explicit, before any key is touched: alg=none and HS* (HMAC keyed with our public key) never get near
        // a verifier (the classic algorithm-confusion attacks)
        if (!SigningKeys.ALGORITHM.equals(decoded.getAlgorithm())) {
            throw new TokenRejectedException(Reason.UNSUPPORTED_ALGORITHM, "bearer token is signed with "
                    + decoded.getAlgorithm() + "; only " + SigningKeys.ALGORITHM + " is accepted");
        }
        String kid = decoded.getKeyId();
        if (kid == null || kid.isBlank()) {
            throw new TokenRejectedException(Reason.MISSING_KID, "bearer token has no key id (kid) header");
        }
        return keys.verificationKey(kid).orElseThrow(() -> new TokenRejectedException(Reason.UNKNOWN_KEY,
                "bearer token was signed by a key this hub does not know (kid " + kid
                        + "; retired keys verify for 24 h only); " + FIX));
    }

    private void checkSignatureAndTime(DecodedJWT decoded, RSAPublicKey key) throws TokenRejectedException {
        JWTVerifier.BaseVerification verification =
                (JWTVerifier.BaseVerification) JWT.require(Algorithm.RSA256(key, null)).acceptLeeway(0);
        try {
            verification.build(clock).verify(decoded);
        } catch (JWTVerificationException e) {
            throw translate(e, decoded);
        }
        // java-jwt checks exp only when present; an operator token without an end (or an id to revoke) is not one
        for (String claim : REQUIRED_CLAIMS) {
            if (decoded.getClaim(claim).isMissing() || decoded.getClaim(claim).isNull()) {
                throw new TokenRejectedException(Reason.MISSING_CLAIM, "bearer token lacks the " + claim + " claim");
            }
        }
    }

    /** Maps java-jwt's exceptions to our reasons and sentences (reference §10: the friendly expiry message). */
    private static TokenRejectedException translate(JWTVerificationException e, DecodedJWT decoded) {
        if (e instanceof TokenExpiredException expired) {
            return new TokenRejectedException(Reason.EXPIRED,
                    "bearer token expired at " + expired.getExpiredOn() + "; " + FIX);
        }
        if (e instanceof SignatureVerificationException) {
            return new TokenRejectedException(Reason.BAD_SIGNATURE, "bearer token signature does not verify");
        }
        if (e instanceof AlgorithmMismatchException) {
            return new TokenRejectedException(Reason.UNSUPPORTED_ALGORITHM,
                    "bearer token is signed with " + decoded.getAlgorithm() + "; only RS256 is accepted");
        }
        if (e instanceof IncorrectClaimException incorrect) {
            return new TokenRejectedException(Reason.NOT_YET_VALID, "bearer token is not valid yet (its "
                    + incorrect.getClaimName() + " is in the future)");
        }
        return new TokenRejectedException(Reason.MALFORMED, "bearer token failed verification");
    }

    private static VerifiedToken toVerified(Payload payload) {
        String scope = payload.getClaim(OperatorTokens.CLAIM_SCOPE).asString();
        List<String> scopes = scope == null || scope.isBlank() ? List.of() : List.of(scope.trim().split("\\s+"));
        List<String> aud = payload.getAudience() == null ? List.of() : payload.getAudience();
        return new VerifiedToken(payload.getSubject(), scopes,
                payload.getClaim(OperatorTokens.CLAIM_SCOPE_SET).asString(), aud, payload.getIssuer(),
                payload.getId(), payload.getIssuedAtAsInstant(), payload.getExpiresAtAsInstant());
    }

    private static TokenRejectedException malformed() {
        return new TokenRejectedException(Reason.MALFORMED, "bearer token is not a well-formed JWT");
    }
}

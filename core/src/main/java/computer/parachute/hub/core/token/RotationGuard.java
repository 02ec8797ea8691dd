package computer.parachute.hub.core.token;

import java.util.List;
import java.util.Optional;

/**
 * The privilege guard shared by auto-rotate and issuer self-heal: only a token that is plainly an operator token
 * with a known scope set may be re-minted, with that same set (never widened).
 */
final class RotationGuard {
    private RotationGuard() {}

    static Optional<SkipReason> refusal(VerifiedToken token) {
        if (!token.aud().equals(List.of(OperatorTokens.AUDIENCE))) {
            return Optional.of(SkipReason.AUD_MISMATCH);
        }
        if (token.sub() == null || token.sub().isBlank()) {
            return Optional.of(SkipReason.NO_SUB);
        }
        if (!ScopeSets.isKnown(token.scopeSet())) {
            return Optional.of(SkipReason.NO_SCOPE_SET);
        }
        return Optional.empty();
    }
}

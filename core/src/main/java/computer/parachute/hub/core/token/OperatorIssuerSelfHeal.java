package computer.parachute.hub.core.token;

import computer.parachute.hub.core.db.HubDatabase;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Issuer self-heal (reference §4.4, hub#481): a token minted at loopback before the hub got a public origin
 * carries a stale {@code iss}; re-mint it under the new origin with the same sub and scope set. Never downgrades
 * to a loopback issuer, never touches a token it cannot verify, never widens.
 */
public final class OperatorIssuerSelfHeal {
    private final OperatorTokenFile file;
    private final Supplier<HubDatabase> database;
    private final Clock clock;

    public OperatorIssuerSelfHeal(OperatorTokenFile file, Supplier<HubDatabase> database, Clock clock) {
        this.file = file;
        this.database = database;
        this.clock = clock;
    }

    public SelfHealOutcome heal(String targetIssuer) {
        Optional<String> token;
        try {
            token = file.read();
        } catch (IOException e) {
            return SelfHealOutcome.skipped(SkipReason.UNVERIFIABLE, file.path());
        }
        if (token.isEmpty()) {
            return SelfHealOutcome.of(SelfHealOutcome.Status.ABSENT, file.path());
        }
        String target = HubOrigins.normalize(targetIssuer.trim());
        if (HubOrigins.isLoopback(target)) {
            return SelfHealOutcome.skipped(SkipReason.ISSUER_LOOPBACK, file.path());
        }
        TokenServices services = TokenServices.over(database.get(), clock);
        VerifiedToken verified;
        try {
            verified = services.verifier().verify(token.get());
        } catch (TokenRejectedException e) {
            return SelfHealOutcome.skipped(SkipReason.UNVERIFIABLE, file.path());
        }
        if (verified.iss() != null && HubOrigins.normalize(verified.iss()).equals(target)) {
            return SelfHealOutcome.of(SelfHealOutcome.Status.FRESH, file.path());
        }
        Optional<SkipReason> refusal = RotationGuard.refusal(verified);
        if (refusal.isPresent()) {
            return SelfHealOutcome.skipped(refusal.get(), file.path());
        }
        return rotate(services.operatorTokens(), verified, target);
    }

    private SelfHealOutcome rotate(OperatorTokens tokens, VerifiedToken verified, String target) {
        MintedToken minted = tokens.mint(verified.scopeSet(), verified.sub(), target, CreatedVia.ISSUER_SELF_HEAL);
        try {
            file.write(minted.token());
        } catch (IOException e) {
            // the new token is recorded but unused; the old one stays valid, so nothing is lost
            tokens.revoke(minted.jti());
            return SelfHealOutcome.skipped(SkipReason.UNVERIFIABLE, file.path());
        }
        return new SelfHealOutcome(SelfHealOutcome.Status.ROTATED, null, file.path(), minted.scopeSet(),
                minted.expiresAt());
    }
}

package computer.parachute.hub.core.token;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Result of {@link OperatorIssuerSelfHeal#heal}: {@code ABSENT} (no file), {@code FRESH} (issuer already right,
 * file untouched), {@code ROTATED} (re-minted under the new issuer; scopeSet/expiresAt set) or {@code SKIPPED}
 * with {@code skipReason}. Fields that do not apply are null.
 */
public record SelfHealOutcome(Status status, SkipReason skipReason, Path path, String scopeSet, Instant expiresAt) {
    public enum Status { ABSENT, FRESH, ROTATED, SKIPPED }

    static SelfHealOutcome of(Status status, Path path) {
        return new SelfHealOutcome(status, null, path, null, null);
    }

    static SelfHealOutcome skipped(SkipReason reason, Path path) {
        return new SelfHealOutcome(Status.SKIPPED, reason, path, null, null);
    }
}

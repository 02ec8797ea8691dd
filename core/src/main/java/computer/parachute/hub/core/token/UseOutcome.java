package computer.parachute.hub.core.token;

import java.time.Instant;

/**
 * What {@link OperatorTokenUse} hands the CLI: the token to send, and whether it was used as-is ({@code FRESH}),
 * re-minted ({@code ROTATED}) or left alone near expiry for {@code skipReason} ({@code SKIPPED}).
 */
public record UseOutcome(String token, Status status, SkipReason skipReason, Instant expiresAt) {
    public enum Status { FRESH, ROTATED, SKIPPED }

    @Override
    public String toString() {
        return "UseOutcome[status=" + status + ", skipReason=" + skipReason + ", expiresAt=" + expiresAt + "]";
    }
}

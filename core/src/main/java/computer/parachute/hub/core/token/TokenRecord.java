package computer.parachute.hub.core.token;

import java.time.Instant;
import java.util.List;

/** One row of the hub.db {@code tokens} registry. {@code userId} and {@code revokedAt} may be null. */
public record TokenRecord(String jti, String subject, String userId, String clientId, List<String> scopes,
                          String scopeSet, Instant createdAt, Instant expiresAt, Instant revokedAt,
                          String createdVia) {
    public boolean isRevoked() {
        return revokedAt != null;
    }
}

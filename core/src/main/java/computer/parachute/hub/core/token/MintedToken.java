package computer.parachute.hub.core.token;

import java.time.Instant;

/** A freshly minted operator token: the compact JWT, its id, when it expires and which scope set it carries. */
public record MintedToken(String token, String jti, Instant expiresAt, String scopeSet) {
    @Override
    public String toString() {
        // never print the bearer secret itself by accident (logs, assertion messages)
        return "MintedToken[jti=" + jti + ", expiresAt=" + expiresAt + ", scopeSet=" + scopeSet + "]";
    }
}

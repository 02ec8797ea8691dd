package computer.parachute.hub.core.token;

import java.time.Instant;
import java.util.List;

/**
 * A token that passed {@link TokenVerifier}. {@code scopeSet} is null when the token carries no
 * {@code pa_scope_set}; {@code aud} is the audience list (operator tokens have exactly {@code ["operator"]}).
 */
public record VerifiedToken(String sub, List<String> scopes, String scopeSet, List<String> aud, String iss,
                            String jti, Instant iat, Instant exp) {
    public VerifiedToken {
        scopes = List.copyOf(scopes);
        aud = List.copyOf(aud);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    public boolean isOperatorAudience() {
        return aud.contains(OperatorTokens.AUDIENCE);
    }
}

package computer.parachute.hub.auth;

import computer.parachute.hub.core.token.VerifiedToken;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

/** The request's identity after {@link BearerAuthFilter}: the principal is the token, roles are its scopes. */
final class OperatorSecurityContext implements SecurityContext {
    static final String SCHEME = "Bearer";

    private final OperatorPrincipal principal;
    private final boolean secure;

    OperatorSecurityContext(VerifiedToken token, boolean secure) {
        this.principal = new OperatorPrincipal(token);
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String scope) {
        return principal.token().hasScope(scope);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return SCHEME;
    }
}

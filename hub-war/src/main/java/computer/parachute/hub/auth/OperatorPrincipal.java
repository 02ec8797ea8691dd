package computer.parachute.hub.auth;

import computer.parachute.hub.core.token.VerifiedToken;

import java.security.Principal;

/** The verified operator token as a {@link Principal}; its name is the token's {@code sub}. */
public record OperatorPrincipal(VerifiedToken token) implements Principal {
    @Override
    public String getName() {
        return token.sub();
    }
}

package computer.parachute.hub.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Adds the {@code WWW-Authenticate} challenge {@link BearerAuthFilter} chose to the (mapped) error response. */
public final class BearerChallengeFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object challenge = request.getProperty(BearerChallenge.PROPERTY);
        if (challenge != null && response.getStatus() >= 400) {
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
    }
}

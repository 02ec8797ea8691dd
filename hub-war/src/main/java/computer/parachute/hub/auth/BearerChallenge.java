package computer.parachute.hub.auth;

import computer.parachute.hub.api.HubApiException;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Builds the auth failures (DESIGN §6) and remembers the matching {@code WWW-Authenticate} value (RFC 6750 §3) on
 * the request, where {@link BearerChallengeFilter} puts it on the response: the error mapper only knows the body.
 */
final class BearerChallenge {
    static final String PROPERTY = "computer.parachute.hub.auth.challenge";
    static final String UNAUTHENTICATED = "unauthenticated";
    static final String INSUFFICIENT_SCOPE = "insufficient_scope";
    private static final String REALM = "Bearer realm=\"parachute-hub\"";

    private BearerChallenge() {}

    /** No credentials at all: RFC 6750 says the challenge carries no error code. */
    static HubApiException missing(ContainerRequestContext request, String description) {
        return fail(request, 401, UNAUTHENTICATED, description, REALM);
    }

    /** A Bearer header with nothing after the scheme. */
    static HubApiException empty(ContainerRequestContext request) {
        return fail(request, 401, UNAUTHENTICATED, "empty bearer token", REALM + ", error=\"invalid_request\"");
    }

    /** {@code code} is {@code invalid_token} or {@code token_expired}; the header says invalid_token for both. */
    static HubApiException rejected(ContainerRequestContext request, String code, String description) {
        return fail(request, 401, code, description, REALM + ", error=\"invalid_token\"");
    }

    static HubApiException insufficientScope(ContainerRequestContext request, String scope) {
        return fail(request, 403, INSUFFICIENT_SCOPE, "bearer token lacks " + scope,
                REALM + ", error=\"insufficient_scope\", scope=\"" + scope + "\"");
    }

    private static HubApiException fail(ContainerRequestContext request, int status, String code,
                                        String description, String challenge) {
        request.setProperty(PROPERTY, challenge);
        return new HubApiException(status, code, description);
    }
}

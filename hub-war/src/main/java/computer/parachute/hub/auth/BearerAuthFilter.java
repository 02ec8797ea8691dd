package computer.parachute.hub.auth;

import computer.parachute.hub.core.token.ScopeSets;
import computer.parachute.hub.core.token.TokenRejectedException;
import computer.parachute.hub.core.token.TokenVerifier;
import computer.parachute.hub.core.token.VerifiedToken;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Guards every {@link RequiresScope} resource (DESIGN §6, §7): {@code Authorization: Bearer <token>} (scheme in
 * any case), validated by {@link TokenVerifier} against the hub's accepted issuers, then the scope check. Failures
 * are 401 {@code unauthenticated} / {@code invalid_token} / {@code token_expired} or 403 {@code insufficient_scope},
 * never a 5xx for anything the client sent. The verified token is the request's {@code SecurityContext} principal
 * ({@link OperatorPrincipal}) and the request property {@link #VERIFIED_TOKEN}.
 */
@RequiresScope("") // the name binding only; the scope required comes from the matched resource
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthFilter implements ContainerRequestFilter {
    /** Request property holding the {@link VerifiedToken} once the filter has passed. */
    public static final String VERIFIED_TOKEN = "computer.parachute.hub.auth.verifiedToken";
    private static final String BEARER = "bearer";

    private final TokenVerifier verifier;
    private final AcceptedIssuers acceptedIssuers;

    @Context
    private ResourceInfo resourceInfo;

    @Inject
    public BearerAuthFilter(TokenVerifier verifier, AcceptedIssuers acceptedIssuers) {
        this.verifier = verifier;
        this.acceptedIssuers = acceptedIssuers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String scope = requiredScope(request);
        String token = bearerToken(request);
        VerifiedToken verified;
        try {
            verified = verifier.validate(token, acceptedIssuers.get());
        } catch (TokenRejectedException e) {
            throw BearerChallenge.rejected(request, e.code(), e.description());
        }
        if (!verified.hasScope(scope)) {
            throw BearerChallenge.insufficientScope(request, scope);
        }
        request.setProperty(VERIFIED_TOKEN, verified);
        request.setSecurityContext(new OperatorSecurityContext(verified, request.getSecurityContext().isSecure()));
    }

    /** The token after {@code Bearer}: 401 {@code unauthenticated} without one, {@code invalid_token} when empty. */
    static String bearerToken(ContainerRequestContext request) {
        String token = tokenIn(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            throw BearerChallenge.missing(request, "Authorization: Bearer <token> required");
        }
        if (token.isEmpty()) {
            throw BearerChallenge.empty(request);
        }
        return token;
    }

    /**
     * The token in an {@code Authorization} value: null when it is absent or not a Bearer credential, empty when
     * nothing follows the scheme. Scheme case-insensitive, any run of whitespace ({@code \s}: space, tab, line
     * breaks, VT, FF) after it; scanned by hand as {@code split("\\s+", 2)} would split it, without its matcher,
     * list and substrings on every request.
     */
    public static String tokenIn(String header) {
        String value = header == null ? "" : header.strip();
        int schemeEnd = 0;
        while (schemeEnd < value.length() && !isRegexSpace(value.charAt(schemeEnd))) {
            schemeEnd++;
        }
        if (!isBearerScheme(value, schemeEnd)) {
            return null;
        }
        int tokenStart = schemeEnd;
        while (tokenStart < value.length() && isRegexSpace(value.charAt(tokenStart))) {
            tokenStart++;
        }
        String rest = value.substring(tokenStart);
        return schemeEnd == value.length() || rest.isBlank() ? "" : rest.strip();
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** {@code value[0, end)} is "bearer" in any case (the JDK's case-insensitive region match). */
    private static boolean isBearerScheme(String value, int end) {
        return end == BEARER.length() && value.regionMatches(true, 0, BEARER, 0, end);
    }

    private String requiredScope(ContainerRequestContext request) {
        // the binding guarantees a scope; if reflection ever disagrees, fail closed on the strongest one
        return RequiredScopes.of(RequiredScopes.matched(request, resourceInfo)).orElse(ScopeSets.HOST_ADMIN);
    }
}

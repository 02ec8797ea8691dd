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

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.regex.Pattern;

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
    /** Compiled once: {@code String.split("\\s+")} compiles its regex on every call, i.e. every API request. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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
        String scope = requiredScope();
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

    /** The token after {@code Bearer}; scheme case-insensitive, any run of whitespace after it. */
    static String bearerToken(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String value = header == null ? "" : header.strip();
        String[] schemeAndRest = WHITESPACE.split(value, 2);
        if (!schemeAndRest[0].toLowerCase(Locale.ROOT).equals(BEARER)) {
            throw BearerChallenge.missing(request, "Authorization: Bearer <token> required");
        }
        if (schemeAndRest.length < 2 || schemeAndRest[1].isBlank()) {
            throw BearerChallenge.empty(request);
        }
        return schemeAndRest[1].strip();
    }

    private String requiredScope() {
        Method method = resourceInfo.getResourceMethod();
        RequiresScope onMethod = method == null ? null : method.getAnnotation(RequiresScope.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        Class<?> type = resourceInfo.getResourceClass();
        RequiresScope onClass = type == null ? null : type.getAnnotation(RequiresScope.class);
        // the binding guarantees one of the two; if reflection ever disagrees, fail closed on the strongest scope
        return onClass != null ? onClass.value() : ScopeSets.HOST_ADMIN;
    }
}

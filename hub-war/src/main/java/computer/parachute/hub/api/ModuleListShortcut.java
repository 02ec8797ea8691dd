package computer.parachute.hub.api;

import computer.parachute.hub.auth.AcceptedIssuers;
import computer.parachute.hub.auth.BearerAuthFilter;
import computer.parachute.hub.auth.RequiresScope;
import computer.parachute.hub.core.token.TokenRejectedException;
import computer.parachute.hub.core.token.TokenVerifier;
import computer.parachute.hub.core.token.VerifiedToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Enumeration;

/**
 * Answers the plain status call — {@code GET /api/modules} with a token that passes — in front of Jersey, with what
 * Jersey's path answers: {@link ModulesResource#list()}'s entity through {@link ModuleCatalogWriter}, the same status,
 * headers and metrics (ModuleListShortcutTest compares both on the wire). The token goes through the same
 * {@link TokenVerifier#validate} check against the hub.db allow-list on every call. Everything else goes on to Jersey
 * untouched, which answers it as it always has: another method or path, a query, a body or {@code Content-Type}, an
 * {@code Accept} other than none, {@code *}{@code /*} or {@code application/json}, a missing or refused token, a
 * token without the scope, a failure while listing, and a body longer than Jersey buffers (it would send that
 * chunked). Why: in a young hub (the peer benchmark's 200 calls right after a cold start) the call runs mostly
 * interpreted, and Jersey's per-request machinery (routing, hk2 request scope, filter sorting, writer interceptors,
 * its output buffer) was ~45% of its CPU and much of its allocation (issue 10).
 */
public final class ModuleListShortcut extends HttpFilter {
    /** The route and scope are ModulesResource's own, so the two paths cannot drift apart. */
    public static final String ROUTE = ModulesResource.class.getAnnotation(Path.class).value();
    private static final String SCOPE = scopeOfList();
    /** Jersey's default outbound buffer: a longer body goes out chunked, without Content-Length. */
    static final int JERSEY_BUFFER_BYTES = 8192;
    private static final String NO_STORE = "no-store";
    /**
     * The whole body is written before any header, so a failure can still fall through to Jersey; one buffer per
     * request thread (a JDK type, so a thread outliving an undeployed WAR keeps no class of it).
     */
    private static final ThreadLocal<byte[]> BODIES = new ThreadLocal<>();

    private final ModulesResource resource;
    private final TokenVerifier verifier;
    private final AcceptedIssuers issuers;
    private final Runnable counted;
    private String path;

    /** {@code counted}: runs once per answer given here (the API request metrics, or nothing). */
    public ModuleListShortcut(ModulesResource resource, TokenVerifier verifier, AcceptedIssuers issuers,
                              Runnable counted) {
        this.resource = resource;
        this.verifier = verifier;
        this.issuers = issuers;
        this.counted = counted;
    }

    @Override
    public void init() {
        path = getServletContext().getContextPath() + ROUTE;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isPlainCall(request) || !answered(request, response)) {
            chain.doFilter(request, response);
        }
    }

    private boolean isPlainCall(HttpServletRequest request) {
        return HttpMethod.GET.equals(request.getMethod()) && path.equals(request.getRequestURI())
                && request.getQueryString() == null && request.getHeader(HttpHeaders.CONTENT_TYPE) == null
                && request.getHeader(HttpHeaders.CONTENT_LENGTH) == null
                && request.getHeader("Transfer-Encoding") == null && acceptsJsonPlainly(request);
    }

    /** No {@code Accept}, or exactly one that is {@code *}{@code /*} or {@code application/json}. */
    private static boolean acceptsJsonPlainly(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return true;
        }
        if (!accept.equals(MediaType.WILDCARD) && !accept.equals(MediaType.APPLICATION_JSON)) {
            return false;
        }
        Enumeration<String> all = request.getHeaders(HttpHeaders.ACCEPT);
        all.nextElement();
        return !all.hasMoreElements();
    }

    /** True when this filter answered; false (nothing written) to let Jersey answer instead. */
    private boolean answered(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = BearerAuthFilter.tokenIn(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null || token.isEmpty()) {
            return false;
        }
        try {
            VerifiedToken verified = verifier.validate(token, issuers.get());
            if (!verified.hasScope(SCOPE)) {
                return false;
            }
        } catch (TokenRejectedException e) {
            return false; // Jersey's filter refuses it again, with its challenge and metrics
        }
        Capped body = new Capped(bodyBuffer());
        try {
            ModuleCatalogWriter.write(resource.list(), body);
        } catch (RuntimeException e) {
            return false; // Jersey lists again and maps the failure as it always has
        }
        if (body.overflowed) {
            return false;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
        response.setContentLength(body.size);
        response.getOutputStream().write(body.bytes, 0, body.size);
        counted.run();
        return true;
    }

    private static String scopeOfList() {
        try {
            return ModulesResource.class.getMethod("list").getAnnotation(RequiresScope.class).value();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("ModulesResource.list() is gone: ModuleListShortcut must follow it", e);
        }
    }

    private static byte[] bodyBuffer() {
        byte[] buffer = BODIES.get();
        if (buffer == null) {
            buffer = new byte[JERSEY_BUFFER_BYTES];
            BODIES.set(buffer);
        }
        return buffer;
    }

    /** The body in a buffer of Jersey's size, noting when it would not fit (then it is not answered here). */
    private static final class Capped extends OutputStream {
        final byte[] bytes;
        int size;
        boolean overflowed;

        Capped(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (overflowed || len > bytes.length - size) {
                overflowed = true;
                return;
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }
    }
}

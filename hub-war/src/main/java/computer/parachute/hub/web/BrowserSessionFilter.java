package computer.parachute.hub.web;

import computer.parachute.hub.api.HubApiException;
import computer.parachute.hub.core.session.DashboardSessions;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;
import java.util.Set;

/**
 * Guards every {@link BrowserSession} route (DESIGN §12): a live session cookie, or 401 {@code no_session}. A request
 * that changes state (anything but GET/HEAD) must also come from the dashboard's own page: {@code Sec-Fetch-Site}
 * (when the browser sends it) is {@code same-origin}, {@code Origin} (when sent) is this request's own host, and
 * the {@value #CSRF_HEADER} header carries the session's CSRF token — else 403. The live session is the request
 * property {@link #SESSION}.
 */
@BrowserSession
@Priority(Priorities.AUTHENTICATION)
public final class BrowserSessionFilter implements ContainerRequestFilter {
    public static final String SESSION = "computer.parachute.hub.web.session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String RUN_DASHBOARD = "run `parachute dashboard` for a new login link";
    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final DashboardSessions sessions;
    private final HubPort port;

    @Inject
    public BrowserSessionFilter(DashboardSessions sessions, HubPort port) {
        this.sessions = sessions;
        this.port = port;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String cookie = SessionCookie.read(request, port.get());
        DashboardSessions.Session session = cookie == null ? null : sessions.find(cookie).orElse(null);
        if (session == null) {
            throw new HubApiException(401, "no_session", "no dashboard session, or it has ended; " + RUN_DASHBOARD);
        }
        if (!SAFE_METHODS.contains(request.getMethod())) {
            requireSameOrigin(request);
            if (!session.csrfMatches(request.getHeaderString(CSRF_HEADER))) {
                throw new HubApiException(403, "csrf_token_invalid",
                        "the " + CSRF_HEADER + " header is missing or wrong; reload the dashboard page");
            }
        }
        request.setProperty(SESSION, session);
    }

    /** Refuses a state change another site's page started, by what the browser says about where it came from. */
    static void requireSameOrigin(ContainerRequestContext request) {
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null && !"same-origin".equals(fetchSite.toLowerCase(Locale.ROOT))) {
            throw crossOrigin("Sec-Fetch-Site: " + fetchSite);
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origin.equalsIgnoreCase("http://" + request.getHeaderString(HttpHeaders.HOST))) {
            throw crossOrigin("Origin: " + origin);
        }
    }

    private static HubApiException crossOrigin(String evidence) {
        String shown = evidence.length() > 120 ? evidence.substring(0, 120) + "…" : evidence;
        return new HubApiException(403, "cross_origin_request", "state changes are accepted only from the dashboard page itself (" + shown + ")");
    }
}

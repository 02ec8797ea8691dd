package computer.parachute.hub.web;

import computer.parachute.hub.core.session.DashboardSessions;
import computer.parachute.hub.core.session.LoginCodes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Optional;

/**
 * The browser's pages (issue 11): {@code /} is the dashboard with a live session and otherwise a short page saying to
 * run {@code parachute dashboard} (no module data); {@code /login?code=} trades a one-time code for the session
 * cookie and redirects to {@code /}, so the code leaves the address bar; {@code /logout} ends the session;
 * {@code /ui/<file>} serves the page's static files.
 */
@Path("/")
public final class DashboardPages {
    static final String CSRF_PLACEHOLDER = "{{csrf}}";
    static final String MESSAGE_PLACEHOLDER = "{{message}}";
    static final String NO_SESSION = "This is the Parachute hub. To open its dashboard, run <code>parachute dashboard</code> "
            + "in a terminal: it opens a one-time login link in your browser.";
    static final String LINK_USED = "That login link was already used. Links work once; run <code>parachute dashboard</code> "
            + "for a new one.";
    static final String LINK_EXPIRED = "That login link has expired (links work for 60 seconds). Run "
            + "<code>parachute dashboard</code> for a new one.";

    private final WebAssets assets;
    private final DashboardSessions sessions;
    private final LoginCodes codes;
    private final HubPort port;

    @Inject
    public DashboardPages(WebAssets assets, DashboardSessions sessions, LoginCodes codes, HubPort port) {
        this.assets = assets;
        this.sessions = sessions;
        this.codes = codes;
        this.port = port;
    }

    @GET
    public Response home(@Context ContainerRequestContext request) {
        String cookie = SessionCookie.read(request, port.get());
        Optional<DashboardSessions.Session> session = cookie == null ? Optional.empty() : sessions.find(cookie);
        if (session.isEmpty()) {
            return signIn(200, NO_SESSION);
        }
        String page = assets.require("dashboard.html").text().replace(CSRF_PLACEHOLDER, session.get().csrfToken());
        return html(200, page).build();
    }

    @GET
    @Path("login")
    public Response login(@QueryParam("code") String code, @Context UriInfo uri) {
        return switch (codes.redeem(code)) {
            case ACCEPTED -> {
                DashboardSessions.Started started = sessions.start();
                yield Response.seeOther(uri.getBaseUri())
                        .header(HttpHeaders.SET_COOKIE, SessionCookie.set(port.get(), started.cookieValue(),
                                sessions.policy().absoluteTimeout()))
                        .header("Referrer-Policy", "no-referrer")
                        .build();
            }
            case EXPIRED -> signIn(410, LINK_EXPIRED);
            case UNKNOWN -> signIn(401, LINK_USED);
        };
    }

    /** Ends the session (a POST with the CSRF token, from the page's "Log out" button) and clears the cookie. */
    @POST
    @Path("logout")
    @BrowserSession
    public Response logout(@Context ContainerRequestContext request) {
        String cookie = SessionCookie.read(request, port.get());
        sessions.end(cookie);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, SessionCookie.clear(port.get())).build();
    }

    /** A static file of the page; {@code If-None-Match} gets a 304 so reloads cost no bytes. */
    @GET
    @Path("ui/{name}")
    public Response asset(@PathParam("name") String name, @Context HttpHeaders headers) {
        WebAssets.Asset asset = assets.get(name).filter(a -> !name.endsWith(".html"))
                .orElseThrow(() -> new NotFoundException("no such dashboard file"));
        Response.ResponseBuilder response = asset.etag().equals(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH))
                ? Response.notModified() : Response.ok(asset.bytes(), asset.mediaType());
        return PageHeaders.apply(response).header(HttpHeaders.ETAG, asset.etag())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    private Response signIn(int status, String message) {
        return html(status, assets.require("signin.html").text().replace(MESSAGE_PLACEHOLDER, message)).build();
    }

    private static Response.ResponseBuilder html(int status, String page) {
        return PageHeaders.apply(Response.status(status).type("text/html;charset=utf-8").entity(page));
    }
}

package computer.parachute.hub.web;

import computer.parachute.hub.auth.RequiresScope;
import computer.parachute.hub.core.session.LoginCodes;
import computer.parachute.hub.core.token.ScopeSets;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.time.Instant;

/**
 * {@code POST /api/dashboard/login-link} (operator token, admin scope): a one-time link that opens a dashboard
 * session, for {@code parachute dashboard}. The link names 127.0.0.1 and the port the request reached, so it points
 * at the hub that minted it.
 */
@Path("/api/dashboard/login-link")
@Produces(MediaType.APPLICATION_JSON)
public final class LoginLinkResource {
    /** The answer: the link and when it stops working. */
    public record LoginLink(String url, @JsonbProperty("expires_at") Instant expiresAt,
                            @JsonbProperty("expires_in") long expiresIn) {}

    private final LoginCodes codes;

    @Inject
    public LoginLinkResource(LoginCodes codes) {
        this.codes = codes;
    }

    @POST
    @RequiresScope(ScopeSets.HOST_ADMIN)
    public LoginLink mint(@Context UriInfo uri) {
        LoginCodes.Minted minted = codes.mint();
        URI base = uri.getBaseUri();
        String url = "http://127.0.0.1:" + base.getPort() + base.getPath() + "login?code=" + minted.code();
        return new LoginLink(url, minted.expiresAt(), Math.max(1, (codes.ttl().toMillis() + 999) / 1000));
    }
}

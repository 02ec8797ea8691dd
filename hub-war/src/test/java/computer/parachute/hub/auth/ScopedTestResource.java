package computer.parachute.hub.auth;

import computer.parachute.hub.core.token.ScopeSets;
import computer.parachute.hub.core.token.VerifiedToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Map;

/** Endpoints behind each kind of binding, answering with what the filter handed them. */
@Path("/t")
@Produces(MediaType.APPLICATION_JSON)
public class ScopedTestResource {
    @GET
    @Path("admin")
    @RequiresScope(ScopeSets.HOST_ADMIN)
    public Map<String, Object> admin(@Context SecurityContext security, @Context ContainerRequestContext request) {
        VerifiedToken token = (VerifiedToken) request.getProperty(BearerAuthFilter.VERIFIED_TOKEN);
        return Map.of("sub", security.getUserPrincipal().getName(), "jti", token.jti(),
                "scheme", security.getAuthenticationScheme(), "admin", security.isUserInRole(ScopeSets.HOST_ADMIN));
    }

    @GET
    @Path("auth")
    @RequiresScope(ScopeSets.HOST_AUTH)
    public Map<String, Object> auth() {
        return Map.of("ok", true);
    }

    @GET
    @Path("open")
    public Map<String, Object> open() {
        return Map.of("ok", true);
    }

    /** Guarded by its class annotation only. */
    @Path("/class")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(ScopeSets.HOST_START)
    public static class ClassScoped {
        @GET
        public Map<String, Object> get() {
            return Map.of("ok", true);
        }
    }
}

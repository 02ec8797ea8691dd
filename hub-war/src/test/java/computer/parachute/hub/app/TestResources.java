package computer.parachute.hub.app;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only endpoints: one that fails unexpectedly, one that takes a JSON body. */
@Path("/test")
@Produces(MediaType.APPLICATION_JSON)
public class TestResources {
    public record Size(int bytes) {}

    @GET
    @Path("/boom")
    public Size boom() {
        throw new IllegalStateException("secret detail that must not reach the client");
    }

    @POST
    @Path("/echo")
    @Consumes(MediaType.APPLICATION_JSON)
    public Size echo(String body) {
        return new Size(body.length());
    }
}

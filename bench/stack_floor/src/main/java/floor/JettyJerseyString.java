package floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.jetty.server.Server;

/** {@link JettyJersey} without JSON-B: the resource returns the JSON as a String, so Yasson is never loaded. */
public final class JettyJerseyString {
    private JettyJerseyString() {}

    @Path("/health")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class HealthResource {
        @GET
        public String health() {
            return Floor.BODY;
        }
    }

    public static void main(String[] args) throws Exception {
        Server server = Floor.server();
        server.setHandler(JettyJersey.context(JettyJersey.lean(HealthResource.class)));
        server.start();
        server.join();
    }
}

package computer.parachute.hub.api;

import computer.parachute.hub.modules.BootReadiness;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/ready}: boot readiness, no auth (reference §3.2). */
@Path("/api/ready")
@Produces(MediaType.APPLICATION_JSON)
public final class ReadyResource {
    private final BootReadiness readiness;

    @Inject
    public ReadyResource(BootReadiness readiness) {
        this.readiness = readiness;
    }

    @GET
    public BootReadiness.Report ready() {
        return readiness.report();
    }
}

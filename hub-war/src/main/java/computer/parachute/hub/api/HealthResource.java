package computer.parachute.hub.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /health}: liveness, no auth, 200 whenever the process is up (DESIGN §6). */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    private final HealthCheck healthCheck;

    @Inject
    public HealthResource(HealthCheck healthCheck) {
        this.healthCheck = healthCheck;
    }

    @GET
    public Health health() {
        return healthCheck.report();
    }
}

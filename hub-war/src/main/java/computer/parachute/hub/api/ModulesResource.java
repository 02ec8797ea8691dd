package computer.parachute.hub.api;

import computer.parachute.hub.auth.RequiresScope;
import computer.parachute.hub.core.token.ScopeSets;
import computer.parachute.hub.modules.ModuleOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/modules}: every installed and every supervised module (DESIGN §6), scope host:auth. One instance:
 * it holds nothing per request, and hk2 would otherwise build one for every call.
 */
@Singleton
@Path("/api/modules")
@Produces(MediaType.APPLICATION_JSON)
public final class ModulesResource {
    private final ModuleOperations modules;

    @Inject
    public ModulesResource(ModuleOperations modules) {
        this.modules = modules;
    }

    @GET
    @RequiresScope(ScopeSets.HOST_AUTH)
    public ModuleCatalog list() {
        return new ModuleCatalog(modules.catalog(), true);
    }
}

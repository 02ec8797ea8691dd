package computer.parachute.hub.api;

import computer.parachute.hub.auth.RequiresScope;
import computer.parachute.hub.core.token.ScopeSets;
import computer.parachute.hub.modules.ModuleOperations;
import computer.parachute.hub.modules.ModuleView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/modules/{short}[/start|stop|restart|logs]} (DESIGN §6), scope host:admin. */
@Path("/api/modules/{short}")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(ScopeSets.HOST_ADMIN)
public final class ModuleOpsResource {
    private final ModuleOperations modules;
    private final LogFollower follower;

    @Inject
    public ModuleOpsResource(ModuleOperations modules, LogFollower follower) {
        this.modules = modules;
        this.follower = follower;
    }

    @GET
    public ModuleView get(@PathParam("short") String shortName) {
        return modules.get(ModuleOperations.requireValidName(shortName));
    }

    @POST
    @Path("start")
    public ModuleOpResult start(@PathParam("short") String shortName) {
        String name = ModuleOperations.requireValidName(shortName);
        return new ModuleOpResult(name, modules.start(name));
    }

    @POST
    @Path("stop")
    public StopResult stop(@PathParam("short") String shortName) {
        String name = ModuleOperations.requireValidName(shortName);
        return modules.stop(name).map(state -> new StopResult(name, true, state)).orElse(new StopResult(name, false, null));
    }

    @POST
    @Path("restart")
    public ModuleOpResult restart(@PathParam("short") String shortName) {
        String name = ModuleOperations.requireValidName(shortName);
        return new ModuleOpResult(name, modules.restart(name));
    }

    @GET
    @Path("logs")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response logs(@PathParam("short") String shortName, @QueryParam("follow") String follow,
                         @Context HttpServletRequest servletRequest, @Context HttpServletResponse servletResponse) {
        String name = ModuleOperations.requireValidName(shortName);
        if ("1".equals(follow) || "true".equalsIgnoreCase(follow)) {
            // the servlet's method: Jersey runs GET for a HEAD and reports it as GET
            return follower.stream(name, HttpMethod.HEAD.equals(servletRequest.getMethod()), servletResponse);
        }
        return Response.ok(ModuleLogs.of(name, modules.logs(name)), MediaType.APPLICATION_JSON_TYPE).build();
    }
}

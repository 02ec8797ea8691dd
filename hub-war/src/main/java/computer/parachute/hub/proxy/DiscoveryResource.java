package computer.parachute.hub.proxy;

import computer.parachute.hub.core.config.HubVersion;
import computer.parachute.hub.supervisor.ModuleSnapshot;
import computer.parachute.hub.supervisor.Supervisor;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Optional;

/**
 * {@code GET /.well-known/parachute.json}: what a browser or a client needs to find the modules behind this front
 * door — the hub (version, origin) and each module (name, display name, tagline, paths, state, URL through the hub).
 * Public and without secrets: no pid, port, install directory or start error text.
 */
@Path("/.well-known/parachute.json")
@Produces(MediaType.APPLICATION_JSON)
public final class DiscoveryResource {
    private final ModuleRouter router;
    private final Supervisor supervisor;
    private final FrontDoorOrigin frontDoor;

    @Inject
    public DiscoveryResource(ModuleRouter router, Supervisor supervisor, FrontDoorOrigin frontDoor) {
        this.router = router;
        this.supervisor = supervisor;
        this.frontDoor = frontDoor;
    }

    @GET
    public String document(@Context HttpServletRequest request) {
        String origin = frontDoor.origin(request.getScheme(), hostOf(request));
        JsonArrayBuilder modules = Json.createArrayBuilder();
        for (ModuleRoute route : router.table().modules()) {
            Optional<ModuleSnapshot> snapshot = supervisor.get(route.shortName());
            JsonObjectBuilder module = Json.createObjectBuilder()
                    .add("name", route.manifestName())
                    .add("short", route.shortName())
                    .add("displayName", route.displayName() == null ? route.shortName() : route.displayName())
                    .add("paths", Json.createArrayBuilder(route.paths()))
                    .add("stripPrefix", route.stripPrefix())
                    .add("state", snapshot.map(ModuleSnapshot::state).orElse("stopped"))
                    .add("ready", snapshot.map(ModuleSnapshot::ready).orElse(false));
            if (route.tagline() != null) {
                module.add("tagline", route.tagline());
            }
            if (!route.paths().isEmpty()) {
                module.add("url", origin + route.paths().get(0));
            }
            modules.add(module);
        }
        return Json.createObjectBuilder()
                .add("hub", Json.createObjectBuilder().add("name", "parachute-hub").add("version", HubVersion.current()).add("origin", origin))
                .add("modules", modules)
                .build().toString();
    }

    /** The Host the client sent (the loopback Host check has vetted it), or the address it connected to. */
    private static String hostOf(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return host != null && !host.isBlank() ? host : request.getLocalAddr() + ":" + request.getLocalPort();
    }
}

package computer.parachute.hub.web;

import computer.parachute.hub.api.HubApiException;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.modules.ModuleOperations;
import computer.parachute.hub.supervisor.ModuleSnapshot;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.Optional;

/**
 * The page's own endpoints (session cookie + CSRF token, {@link BrowserSessionFilter}), apart from the bearer API so
 * neither credential ever works on the other's routes: module start/stop/restart, the log file download, and a
 * session check the page uses to tell "hub down" from "session ended".
 */
@Path("/ui/api")
@BrowserSession
@Produces(MediaType.APPLICATION_JSON)
public final class DashboardActions {
    /** An operation's outcome: the module's row afterwards; the state in it, not the HTTP status, says how it went. */
    public record OpOutcome(String shortName, String op, DashboardView.ModuleRow module) {}

    public record SessionState(boolean live) {}

    private final ModuleOperations modules;
    private final DashboardView view;
    private final HubHome home;

    @Inject
    public DashboardActions(ModuleOperations modules, DashboardView view, HubHome home) {
        this.modules = modules;
        this.view = view;
        this.home = home;
    }

    @GET
    @Path("session")
    public SessionState session() {
        return new SessionState(true);
    }

    @POST
    @Path("modules/{short}/start")
    public OpOutcome start(@PathParam("short") String shortName) {
        String name = ModuleOperations.requireValidName(shortName);
        return outcome(name, "start", Optional.of(modules.start(name)));
    }

    @POST
    @Path("modules/{short}/stop")
    public OpOutcome stop(@PathParam("short") String shortName) {
        String name = ModuleOperations.requireValidName(shortName);
        return outcome(name, "stop", modules.stop(name));
    }

    @POST
    @Path("modules/{short}/restart")
    public OpOutcome restart(@PathParam("short") String shortName) {
        String name = ModuleOperations.requireValidName(shortName);
        return outcome(name, "restart", Optional.of(modules.restart(name)));
    }

    /** The module's current log file as a download (the rotated older files stay on disk). */
    @GET
    @Path("modules/{short}/log")
    @Produces(MediaType.TEXT_PLAIN)
    public Response log(@PathParam("short") String shortName) {
        String name = ModuleOperations.requireValidName(shortName);
        java.nio.file.Path file = home.moduleLogFile(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new HubApiException(404, "no_log", name + " has no log file yet (" + file + ")");
        }
        StreamingOutput body = out -> {
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        };
        return Response.ok(body, MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + name + ".log\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private OpOutcome outcome(String name, String op, Optional<ModuleSnapshot> after) {
        DashboardView.ModuleRow row = after.flatMap(view::row).or(() -> view.row(name)).orElse(null);
        return new OpOutcome(name, op, row);
    }
}

package floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jsonb.JsonBindingFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The minimal Jersey app: a ServletContextHandler (no WebAppContext, no web.xml, no configurations) with Jersey's
 * ServletContainer over one resource class, injected by HK2, its answer written by JSON-B (Yasson).
 */
public final class JettyJersey {
    private JettyJersey() {}

    /** What GET /health returns; Yasson serialises it by reflection, as it does the hub's Health record. */
    public record Health(String status, String service, String db) {}

    @Path("/health")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class HealthResource {
        @GET
        public Health health() {
            return new Health("ok", "stack-floor", null);
        }
    }

    public static void main(String[] args) throws Exception {
        Server server = Floor.server();
        server.setHandler(context(app(HealthResource.class)));
        server.start();
        server.join();
    }

    /** {@link #lean} with JSON-B (Yasson) registered by hand, as the hub's HubApplication does. */
    static ResourceConfig app(Class<?> resource) {
        return lean(resource).register(JsonBindingFeature.class);
    }

    /**
     * One resource with the start-up switches the hub's HubApplication sets (no WADL, no auto-discovery or
     * META-INF/services lookup, no validation/JSON-P/MOXy, no default XML/image providers): the leanest Jersey the hub
     * could have, not Jersey's defaults.
     */
    static ResourceConfig lean(Class<?> resource) {
        return new ResourceConfig(resource)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true)
                .property(ServerProperties.BV_FEATURE_DISABLE, true)
                .property(ServerProperties.JSON_PROCESSING_FEATURE_DISABLE, true)
                .property(ServerProperties.MOXY_JSON_FEATURE_DISABLE, true)
                .property(CommonProperties.PROVIDER_DEFAULT_DISABLE, "ALL");
    }

    static ServletContextHandler context(ResourceConfig app) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder jersey = new ServletHolder(new ServletContainer(app));
        jersey.setInitOrder(0); // Jersey initialises at start, as the hub's load-on-startup servlet does
        context.addServlet(jersey, "/*");
        return context;
    }
}

package computer.parachute.hub.app;

import computer.parachute.hub.api.HealthResource;
import computer.parachute.hub.api.ModuleOpsResource;
import computer.parachute.hub.api.ModuleCatalogWriter;
import computer.parachute.hub.api.ModuleOpResultWriter;
import computer.parachute.hub.api.ModulesResource;
import computer.parachute.hub.api.ReadyResource;
import computer.parachute.hub.proxy.DiscoveryResource;
import computer.parachute.hub.auth.BearerAuthFilter;
import computer.parachute.hub.auth.BearerChallengeFilter;
import computer.parachute.hub.api.NoStoreResponseFilter;
import computer.parachute.hub.api.RequestBodyLimitFilter;
import org.glassfish.jersey.CommonProperties;
import computer.parachute.hub.web.BrowserSessionFilter;
import computer.parachute.hub.web.DashboardActions;
import computer.parachute.hub.web.DashboardPages;
import computer.parachute.hub.web.EventsResource;
import computer.parachute.hub.web.LoginLinkResource;
import computer.parachute.hub.web.WebAssets;
import org.glassfish.jersey.jsonb.JsonBindingFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The JAX-RS application: every resource and provider registered by name (no package scanning, which costs start-up
 * time and hides what is served). Error mappers are bound in {@link HubBinder}.
 */
public final class HubApplication extends ResourceConfig {
    public HubApplication(HubLifecycle lifecycle, WebAssets assets) {
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        // nothing registers itself from the class path: what is listed here is all there is
        property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        // never let Jersey fall back to the container's sendError (an HTML page): every error has our JSON body
        property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        // start-up: no META-INF/services provider lookup, no validation/JSON-P/MOXy features, and none of the default
        // XML, image and DataSource providers (each pulls in JDK modules at init); the API speaks JSON-B only
        property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        property(ServerProperties.BV_FEATURE_DISABLE, true);
        property(ServerProperties.JSON_PROCESSING_FEATURE_DISABLE, true);
        property(ServerProperties.MOXY_JSON_FEATURE_DISABLE, true);
        property(CommonProperties.PROVIDER_DEFAULT_DISABLE, "ALL");
        register(JsonBindingFeature.class);
        // the module list (the status call) written by hand: the same bytes as JSON-B, a fraction of its cost; the plain
        // GET /api/modules is answered in front of Jersey with it (ModuleListShortcut, registered by HubContextListener)
        register(ModuleCatalogWriter.class);
        // and a start's or restart's answer: Yasson's first write of a type builds its model (~13 ms of CPU)
        register(ModuleOpResultWriter.class);
        register(new HubBinder(lifecycle, assets));

        register(RequestBodyLimitFilter.class);
        register(NoStoreResponseFilter.class);

        register(BearerAuthFilter.class);
        register(BearerChallengeFilter.class);
        register(BrowserSessionFilter.class);
        lifecycle.metrics().ifPresent(metrics -> register(metrics.apiFilter()));

        register(HealthResource.class);
        register(ReadyResource.class);
        register(ModulesResource.class);
        register(ModuleOpsResource.class);
        register(DiscoveryResource.class);

        register(DashboardPages.class);
        register(DashboardActions.class);
        register(EventsResource.class);
        register(LoginLinkResource.class);
    }
}

package computer.parachute.hub.app;

import computer.parachute.hub.api.HealthResource;
import computer.parachute.hub.api.ModuleOpsResource;
import computer.parachute.hub.api.ModulesResource;
import computer.parachute.hub.api.ReadyResource;
import computer.parachute.hub.auth.BearerAuthFilter;
import computer.parachute.hub.auth.BearerChallengeFilter;
import computer.parachute.hub.api.NoStoreResponseFilter;
import computer.parachute.hub.api.RequestBodyLimitFilter;
import org.glassfish.jersey.jsonb.JsonBindingFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The JAX-RS application: every resource and provider registered by name (no package scanning, which costs start-up
 * time and hides what is served). Error mappers are bound in {@link HubBinder}.
 */
public final class HubApplication extends ResourceConfig {
    public HubApplication(HubLifecycle lifecycle) {
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        // nothing registers itself from the class path: what is listed here is all there is
        property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        // never let Jersey fall back to the container's sendError (an HTML page): every error has our JSON body
        property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        register(JsonBindingFeature.class);
        register(new HubBinder(lifecycle));

        register(RequestBodyLimitFilter.class);
        register(NoStoreResponseFilter.class);

        register(BearerAuthFilter.class);
        register(BearerChallengeFilter.class);
        lifecycle.metrics().ifPresent(metrics -> register(metrics.apiFilter()));

        register(HealthResource.class);
        register(ReadyResource.class);
        register(ModulesResource.class);
        register(ModuleOpsResource.class);
    }
}

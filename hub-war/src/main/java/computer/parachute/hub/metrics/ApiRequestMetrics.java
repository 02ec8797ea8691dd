package computer.parachute.hub.metrics;

import computer.parachute.hub.api.ApiError;
import computer.parachute.hub.auth.BearerAuthFilter;
import computer.parachute.hub.auth.RequiredScopes;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

import java.util.List;

/**
 * Counts API requests by route template ({@code /api/modules/{short}/{op}}: never the raw path, whose values would
 * make a series per module name a client invents), method and status, and bearer-token verifications by outcome:
 * {@code valid}, or the error code the auth filter answered with ({@code unauthenticated}, {@code invalid_token},
 * {@code token_expired}, {@code insufficient_scope}). Read after the response is built, so the auth filter stays
 * unaware of metrics.
 */
public final class ApiRequestMetrics implements ContainerResponseFilter {
    static final String UNMATCHED = "unmatched";

    private final Counter requests;
    private final Counter verifications;

    @Context
    private ResourceInfo resourceInfo;
    @Context
    private ExtendedUriInfo uriInfo;

    ApiRequestMetrics(PrometheusRegistry registry) {
        requests = Counter.builder().withoutExemplars().name("parachute_hub_api_requests_total")
                .help("API requests by route template, method and status").labelNames("route", "method", "status")
                .register(registry);
        verifications = Counter.builder().withoutExemplars().name("parachute_hub_token_verifications_total")
                .help("Bearer token checks on scoped routes by outcome").labelNames("outcome")
                .register(registry);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // the request's own routing context, not the injected proxies (an hk2 lookup per call each)
        ExtendedUriInfo matched = request.getUriInfo() instanceof ExtendedUriInfo own ? own : uriInfo;
        String route = route(matched);
        requests.labelValues(route, request.getMethod(), Integer.toString(response.getStatus())).inc();
        if (!UNMATCHED.equals(route) && RequiredScopes.of(RequiredScopes.matched(request, resourceInfo)).isPresent()) {
            verifications.labelValues(outcome(request, response)).inc();
        }
    }

    /**
     * Counts a scoped request answered before Jersey with a valid token ({@code ModuleListShortcut}), as
     * {@link #filter} would have counted it.
     */
    public void countValid(String route, String method, int status) {
        requests.labelValues(route, method, Integer.toString(status)).inc();
        verifications.labelValues("valid").inc();
    }

    private static String outcome(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(BearerAuthFilter.VERIFIED_TOKEN) != null) {
            return "valid";
        }
        return response.getEntity() instanceof ApiError error ? error.error() : "rejected";
    }

    /** The matched templates joined root first; {@link #UNMATCHED} when no resource matched (404/405). */
    private static String route(ExtendedUriInfo matched) {
        if (matched == null || matched.getMatchedResourceMethod() == null) {
            return UNMATCHED;
        }
        List<UriTemplate> templates = matched.getMatchedTemplates();
        StringBuilder route = new StringBuilder();
        for (int index = templates.size() - 1; index >= 0; index--) {
            String part = templates.get(index).getTemplate();
            if (!part.isEmpty() && !"/".equals(part)) {
                route.append(part.startsWith("/") ? "" : "/").append(part);
            }
        }
        return route.length() == 0 ? "/" : route.toString();
    }
}

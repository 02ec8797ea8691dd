package computer.parachute.hub.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scope {@link RequiresScope} asks of a request's matched resource method (the method's annotation, else its
 * class's), read once per method. The matched method comes from the request's own routing context, which is what an
 * injected {@code @Context ResourceInfo} proxy resolves to through an hk2 request-scope lookup on every call (4% of a
 * status call's CPU, issue 10); the proxy stays the fallback for a request that is not Jersey's.
 */
public final class RequiredScopes {
    private static final ConcurrentHashMap<Method, Optional<String>> BY_METHOD = new ConcurrentHashMap<>();

    private RequiredScopes() {
    }

    /** The matched resource: the request's routing context when it is one, else {@code injected}. */
    public static ResourceInfo matched(ContainerRequestContext request, ResourceInfo injected) {
        return request.getUriInfo() instanceof ResourceInfo routing ? routing : injected;
    }

    /** The scope the matched method requires; empty when neither it nor its class is annotated, or none matched. */
    public static Optional<String> of(ResourceInfo matched) {
        Method method = matched == null ? null : matched.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        Optional<String> known = BY_METHOD.get(method);
        if (known != null) {
            return known;
        }
        RequiresScope onMethod = method.getAnnotation(RequiresScope.class);
        Class<?> type = matched.getResourceClass();
        RequiresScope onClass = type == null ? null : type.getAnnotation(RequiresScope.class);
        RequiresScope found = onMethod != null ? onMethod : onClass;
        Optional<String> scope = found == null ? Optional.empty() : Optional.of(found.value());
        // a method's class is fixed by the resource model, so the method alone is the key
        BY_METHOD.putIfAbsent(method, scope);
        return scope;
    }
}

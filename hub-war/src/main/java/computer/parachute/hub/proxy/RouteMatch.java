package computer.parachute.hub.proxy;

import java.util.Optional;

/** A request path that falls under {@code mountPath} of {@code route} (whole segments). */
public record RouteMatch(ModuleRoute route, String mountPath) {
    /**
     * The path the module receives for {@code rawPath} (the request's path as sent, still percent-encoded): as it is,
     * or with the mount path removed when the route strips it ({@code /vault/x} → {@code /x}, {@code /vault} → {@code /}).
     * Empty when the raw path does not literally start with the mount path (it was reached through percent-encoding).
     */
    public Optional<String> forwardedPath(String rawPath) {
        if (!rawPath.startsWith(mountPath)) {
            return Optional.empty();
        }
        if (!route.stripPrefix()) {
            return Optional.of(rawPath);
        }
        String rest = rawPath.substring(mountPath.length());
        return Optional.of(rest.isEmpty() ? "/" : rest);
    }
}

package computer.parachute.hub.proxy;

/** A request path that falls under {@code mountPath} of {@code route} (whole segments). */
public record RouteMatch(ModuleRoute route, String mountPath) {
    /**
     * The path the module receives for {@code rawPath} (the request's path as sent, still percent-encoded): as it is,
     * or with the mount path removed when the route strips it ({@code /vault/x} → {@code /x}, {@code /vault} → {@code /}).
     * Empty when the raw path does not literally start with the mount path (it was reached through percent-encoding).
     */
    public java.util.Optional<String> forwardedPath(String rawPath) {
        if (!rawPath.startsWith(mountPath)) {
            return java.util.Optional.empty();
        }
        if (!route.stripPrefix()) {
            return java.util.Optional.of(rawPath);
        }
        String rest = rawPath.substring(mountPath.length());
        return java.util.Optional.of(rest.isEmpty() ? "/" : rest);
    }
}

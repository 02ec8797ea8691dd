package computer.parachute.hub.core.manifest;

import java.util.List;
import java.util.Optional;

/**
 * The hub's own routes, which always win over a module's {@code paths}: the front door forwards a request to a module
 * only when it is none of these. Lives in core because both sides enforce it — {@code parachute install} refuses a
 * module that would shadow one, and the hub skips such a path at boot — and the CLI must not depend on the WAR.
 */
public final class ReservedPaths {
    /** Routes that are the hub's only as exactly this path. */
    static final List<String> EXACT = List.of("/", "/health", "/metrics", "/login", "/logout", "/hub-error");
    /** Routes that are the hub's with everything under them. */
    static final List<String> TREES = List.of("/api", "/ui", "/.well-known");

    private ReservedPaths() {}

    /** True when {@code path} (a decoded request path) is one of the hub's own routes. */
    public static boolean isHubRoute(String path) {
        if (EXACT.contains(path)) {
            return true;
        }
        // a loop without concatenation: the front door asks this on every request (issue 10)
        for (String tree : TREES) {
            if (path.startsWith(tree) && (path.length() == tree.length() || path.charAt(tree.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    /** A mount path as the router compares it: trailing slashes dropped ({@code /vault/} → {@code /vault}). */
    public static String normalize(String mountPath) {
        String path = mountPath.trim();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /** Why {@code mountPath} cannot be a module's path, or empty when it can. */
    public static Optional<String> conflict(String mountPath) {
        String path = normalize(mountPath);
        if (!path.startsWith("/")) {
            return Optional.of("path \"" + mountPath + "\" must start with \"/\"");
        }
        if (path.contains("//") || path.contains("/./") || path.contains("/../") || path.endsWith("/..") || path.endsWith("/.")) {
            return Optional.of("path \"" + mountPath + "\" must be a plain path (no empty, \".\" or \"..\" segments)");
        }
        if (path.equals("/")) {
            return Optional.of("path \"/\" would shadow every route of the hub; mount the module under its own prefix, e.g. \"/<name>\"");
        }
        if (isHubRoute(path)) {
            return Optional.of("path \"" + mountPath + "\" is the hub's own route (reserved: " + String.join(", ", EXACT.subList(1, EXACT.size()))
                    + ", and everything under " + String.join(", ", TREES) + "); mount the module under its own prefix");
        }
        return Optional.empty();
    }
}

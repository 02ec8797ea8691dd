package computer.parachute.hub.proxy;

import computer.parachute.hub.core.manifest.ReservedPaths;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ShortNames;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Mount path → module, built from services.json rows and immutable once built (the router swaps whole tables).
 * Matching is by whole segments and the longest mount path wins: {@code /vault} matches {@code /vault} and
 * {@code /vault/x}, never {@code /vaultx}; {@code /vault/default} beats {@code /vault}. A path that would shadow one of
 * the hub's own routes, or that another module already claimed, is skipped with a message naming the row.
 */
public final class RouteTable {
    public static final RouteTable EMPTY = new RouteTable(Map.of(), List.of());

    private final Map<String, RouteMatch> byMountPath;
    private final List<ModuleRoute> modules;

    private RouteTable(Map<String, RouteMatch> byMountPath, List<ModuleRoute> modules) {
        this.byMountPath = byMountPath;
        this.modules = modules;
    }

    /** The table for {@code rows}; each skipped path is reported to {@code problems} with the fix. */
    public static RouteTable of(List<ServiceEntry> rows, Consumer<String> problems) {
        Map<String, RouteMatch> byMountPath = new HashMap<>();
        Map<String, String> claimedBy = new HashMap<>();
        List<ModuleRoute> modules = new ArrayList<>();
        for (ServiceEntry row : rows) {
            Optional<String> shortName = ShortNames.forManifest(row.name());
            if (shortName.isEmpty()) {
                continue; // the boot already says why such a row is not supervised
            }
            List<String> usable = new ArrayList<>();
            for (String path : row.paths()) {
                Optional<String> conflict = ReservedPaths.conflict(path);
                String mount = ReservedPaths.normalize(path);
                if (conflict.isPresent()) {
                    problems.accept("\"" + row.name() + "\": not routing " + conflict.get() + " (fix its \"paths\" in services.json)");
                } else if (claimedBy.containsKey(mount)) {
                    problems.accept("\"" + row.name() + "\": not routing path \"" + path + "\", already mounted by \""
                            + claimedBy.get(mount) + "\" (give one of them another path in services.json)");
                } else {
                    usable.add(mount);
                    claimedBy.put(mount, row.name());
                }
            }
            ModuleRoute route = new ModuleRoute(shortName.get(), row.name(), row.displayName(), row.tagline(), usable, row.stripPrefix());
            usable.forEach(mount -> byMountPath.put(mount, new RouteMatch(route, mount)));
            modules.add(route);
        }
        return new RouteTable(Map.copyOf(byMountPath), List.copyOf(modules));
    }

    /** The module {@code path} (decoded, normalised) falls under, if any; the hub's own routes never match. */
    public Optional<RouteMatch> match(String path) {
        if (byMountPath.isEmpty() || !path.startsWith("/") || ReservedPaths.isHubRoute(path)) {
            return Optional.empty();
        }
        String candidate = ReservedPaths.normalize(path);
        while (!candidate.isEmpty()) {
            RouteMatch match = byMountPath.get(candidate);
            if (match != null) {
                return Optional.of(match);
            }
            candidate = candidate.substring(0, candidate.lastIndexOf('/'));
        }
        return Optional.empty();
    }

    /** Every routable module, in services.json order (the discovery document). */
    public List<ModuleRoute> modules() {
        return modules;
    }
}

package computer.parachute.hub.cli.command;

import computer.parachute.hub.core.manifest.KnownModules;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.net.PortProbe;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks a module's port at registration (DESIGN §8): the one its module.json asks for when free, else the first
 * free one from 1939 upward. A port is taken when another services.json row uses it, when it is the hub's port,
 * or when something already listens on it.
 */
final class PortAssigner {
    /** How far above the canonical range the search goes before giving up. */
    static final int SEARCH_SPAN = 1_000;

    private PortAssigner() {}

    static OptionalInt assign(int wanted, String name, List<ServiceEntry> rows, int hubPort, PortProbe probe) {
        Set<Integer> used = rows.stream().filter(r -> !r.name().equals(name)).map(ServiceEntry::port).collect(Collectors.toSet());
        if (free(wanted, used, hubPort, probe, rows, name)) {
            return OptionalInt.of(wanted);
        }
        for (int port = KnownModules.CANONICAL_RANGE_START; port < KnownModules.CANONICAL_RANGE_START + SEARCH_SPAN; port++) {
            if (free(port, used, hubPort, probe, rows, name)) {
                return OptionalInt.of(port);
            }
        }
        return OptionalInt.empty();
    }

    /** Free for this module: unused by other rows, not the hub's, and not listening — unless it is this module's own row's port. */
    static boolean free(int port, Set<Integer> used, int hubPort, PortProbe probe, List<ServiceEntry> rows, String name) {
        if (port == hubPort || port == KnownModules.HUB_PORT || used.contains(port)) {
            return false;
        }
        boolean ownPort = rows.stream().anyMatch(r -> r.name().equals(name) && r.port() == port);
        return ownPort || !probe.isListening(port);
    }
}

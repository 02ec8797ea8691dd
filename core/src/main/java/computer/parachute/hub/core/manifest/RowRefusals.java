package computer.parachute.hub.core.manifest;

import computer.parachute.hub.core.home.ModuleNames;

import java.util.Optional;

/**
 * services.json rows the hub will not run, whatever the file says (issue 9): a reserved short name (its files would
 * land on the hub's own, its log prefix is the hub's) and a row on the hub's own port (the hub would find itself
 * "squatting" its module's port). Refused by {@code parachute install}, skipped at boot, refused by the API.
 */
public final class RowRefusals {
    private RowRefusals() {}

    /** Why this row may not run, naming the row and the fix; empty when it may. */
    public static Optional<String> refusal(ServiceEntry entry, String shortName, int hubPort) {
        Optional<String> reserved = ModuleNames.reservedReason(shortName);
        if (reserved.isPresent()) {
            return Optional.of("services.json row \"" + entry.name() + "\": " + reserved.get());
        }
        if (entry.port() == hubPort) {
            return Optional.of("services.json row \"" + entry.name() + "\" uses port " + hubPort
                    + ", the hub's own port — give it another port (`parachute install <dir>` picks a free one)");
        }
        return Optional.empty();
    }
}

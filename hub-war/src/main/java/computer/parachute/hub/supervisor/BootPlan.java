package computer.parachute.hub.supervisor;

import java.util.Objects;

/**
 * One services.json row as the caller resolved it: a request to start, or a reason to skip (no start command;
 * resolved by the caller with core's {@code StartCommands}).
 */
public record BootPlan(String shortName, SpawnRequest request, String skipReason) {
    public BootPlan {
        Objects.requireNonNull(shortName, "shortName");
        if ((request == null) == (skipReason == null)) {
            throw new IllegalArgumentException(shortName + ": a boot plan is either a request or a skip reason");
        }
    }

    public static BootPlan start(SpawnRequest request) {
        return new BootPlan(request.shortName(), request, null);
    }

    public static BootPlan skip(String shortName, String reason) {
        return new BootPlan(shortName, null, reason);
    }
}

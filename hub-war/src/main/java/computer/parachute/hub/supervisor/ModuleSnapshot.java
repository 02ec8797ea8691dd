package computer.parachute.hub.supervisor;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;

/**
 * An immutable view of one supervised module (DESIGN §5), shaped for JSON-B: {@code state} is a
 * {@link ModuleState#wireName()}, {@code pid} is null when no process runs, {@code restartsInWindow} counts the
 * crashes inside the budget window at the last crash; {@code ready} is true once the current process's port was
 * seen accepting connections (never for a module without a port).
 */
public record ModuleSnapshot(
        @JsonbProperty("short") String shortName,
        String state,
        Long pid,
        Instant startedAt,
        int restartsInWindow,
        Integer lastExitCode,
        Instant lastCrashAt,
        StartError startError,
        boolean ready) {

    public boolean is(ModuleState other) {
        return other.wireName().equals(state);
    }
}

package computer.parachute.hub.core.unit;

import java.util.List;

/** Outcome of {@link ServiceManager#remove}: {@code removed} is false when there was nothing to remove. */
public record RemoveResult(boolean removed, List<String> messages) {

    public RemoveResult {
        messages = List.copyOf(messages);
    }
}

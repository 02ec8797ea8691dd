package computer.parachute.hub.core.unit;

import java.util.List;

/**
 * Outcome of {@link HubUnitControl#ensureUp} / {@link HubUnitControl#installAndStart}. The caller
 * maps it to an exit code and prints {@code messages}.
 */
public record EnsureResult(Outcome outcome, int port, List<String> messages) {

    public enum Outcome { ALREADY_UP, STARTED, NO_MANAGER, NO_UNIT, START_FAILED, TIMEOUT }

    public EnsureResult {
        messages = List.copyOf(messages);
    }

    /** True when a hub is answering on {@code port}. */
    public boolean up() {
        return outcome == Outcome.ALREADY_UP || outcome == Outcome.STARTED;
    }
}

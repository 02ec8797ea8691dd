package computer.parachute.hub.core.unit;

import java.util.List;

/**
 * Outcome of {@link ServiceManager#control}.
 *
 * @param status   what happened
 * @param detail   the manager's own words on failure (stderr, else stdout), empty otherwise
 * @param messages operator-facing lines
 */
public record ControlResult(Status status, String detail, List<String> messages) {

    public enum Status { OK, FAILED, NO_MANAGER, NO_UNIT }

    public ControlResult {
        detail = detail == null ? "" : detail;
        messages = List.copyOf(messages);
    }

    public boolean ok() {
        return status == Status.OK;
    }
}

package computer.parachute.hub.core.unit;

import java.util.List;
import java.util.Optional;

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

    /** NO_MANAGER or NO_UNIT when a control call cannot reach an installed unit; empty when it can. */
    static Optional<ControlResult> unreachable(boolean managerPresent, boolean unitInstalled) {
        if (!managerPresent) {
            return Optional.of(new ControlResult(Status.NO_MANAGER, "", List.of(UnitMessages.NO_MANAGER)));
        }
        if (!unitInstalled) {
            return Optional.of(new ControlResult(Status.NO_UNIT, "", List.of(UnitMessages.NO_UNIT)));
        }
        return Optional.empty();
    }
}

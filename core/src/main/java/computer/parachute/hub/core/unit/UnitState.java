package computer.parachute.hub.core.unit;

import java.util.Optional;

/**
 * What the service manager says about the hub unit (reference §5.5). Never the result of an
 * exception: a command that could not run is {@link Status#UNKNOWN} with the reason as detail.
 */
public record UnitState(Status status, String detail) {

    public enum Status { ACTIVE, ACTIVATING, FAILED, INACTIVE, UNKNOWN, NO_MANAGER, NO_UNIT }

    public UnitState {
        detail = detail == null ? "" : detail;
    }

    static UnitState of(Status status) {
        return new UnitState(status, "");
    }

    /** NO_MANAGER or NO_UNIT when there is no installed unit to ask about; empty when there is. */
    static Optional<UnitState> unreachable(boolean managerPresent, boolean unitInstalled) {
        if (!managerPresent) {
            return Optional.of(of(Status.NO_MANAGER));
        }
        return unitInstalled ? Optional.empty() : Optional.of(of(Status.NO_UNIT));
    }
}

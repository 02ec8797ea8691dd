package computer.parachute.hub.cli.hub;

/** The service manager's state word for the hub unit (reference §5.5 {@code queryHubUnitState}) and its detail. */
public record UnitStateView(String status, String detail) {
    public static final String ACTIVE = "active";
    public static final String ACTIVATING = "activating";
    public static final String FAILED = "failed";
    public static final String INACTIVE = "inactive";
    public static final String UNKNOWN = "unknown";
    public static final String NO_MANAGER = "no-manager";
    public static final String NO_UNIT = "no-unit";

    public UnitStateView {
        detail = detail == null ? "" : detail;
    }
}

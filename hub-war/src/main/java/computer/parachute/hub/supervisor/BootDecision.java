package computer.parachute.hub.supervisor;

/**
 * What boot did with one row: {@code outcome} is {@link #STARTED} (the start ran; the snapshot may still say
 * crashed or carry a start error), {@link #SKIPPED} (with the reason) or {@link #FAILED} (the start threw).
 */
public record BootDecision(String shortName, String outcome, String reason, ModuleSnapshot snapshot) {
    public static final String STARTED = "started";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";
}

package computer.parachute.hub.supervisor;

/** Seam: the hub's output, where the supervisor's notes go ({@code [supervisor] ...}); module lines do not (issue 9). */
@FunctionalInterface
public interface HubOutput {
    /** One complete line, without its trailing newline. Must not block for long: readers call it. */
    void line(String text);
}

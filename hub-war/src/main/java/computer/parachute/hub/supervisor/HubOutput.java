package computer.parachute.hub.supervisor;

/** Seam: the hub's output, where every child line goes prefixed with {@code [<short>] } (DESIGN §5 Output). */
@FunctionalInterface
public interface HubOutput {
    /** One complete line, without its trailing newline. Must not block for long: readers call it. */
    void line(String text);
}

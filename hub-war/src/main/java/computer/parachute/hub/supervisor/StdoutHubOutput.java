package computer.parachute.hub.supervisor;

import java.io.PrintStream;

/**
 * Production {@link HubOutput}: the hub's stdout. DESIGN §5 puts module lines on the hub's stdout (journald or
 * hub.log catch it), so this is the one supervisor class that writes to {@code System.out}.
 */
public final class StdoutHubOutput implements HubOutput {
    private final PrintStream out;

    public StdoutHubOutput() {
        this.out = System.out;
    }

    @Override
    public void line(String text) {
        // one println per line under the stream's own lock keeps lines from two modules whole
        out.println(text);
    }
}

package computer.parachute.hub.supervisor;

import java.io.PrintStream;

/**
 * Production {@link HubOutput}: the hub's stdout, where journald or hub.log catch the supervisor's notes (module lines
 * stay in each module's own rotated log). The one supervisor class that writes to {@code System.out}.
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

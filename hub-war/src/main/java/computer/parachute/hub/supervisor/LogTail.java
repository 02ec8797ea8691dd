package computer.parachute.hub.supervisor;

import java.util.List;

/**
 * A module's buffered lines and a subscription to every later line, taken together under the log's lock: no line
 * falls between them and none is in both. Close the subscription to stop the deliveries.
 */
public record LogTail(List<String> backlog, AutoCloseable subscription) {
    public LogTail {
        backlog = List.copyOf(backlog);
    }
}

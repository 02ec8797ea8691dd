package computer.parachute.hub.supervisor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link HubOutput} that keeps every line. */
final class CapturingOutput implements HubOutput {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void line(String text) {
        lines.add(text);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    boolean contains(String fragment) {
        return lines.stream().anyMatch(line -> line.contains(fragment));
    }
}

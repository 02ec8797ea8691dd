package computer.parachute.hub.api;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/** Body of {@code GET /api/modules/{short}/logs}: the ring buffer, oldest line first; {@code text} is one line each. */
public record ModuleLogs(@JsonbProperty("short") String shortName, List<String> lines, String text) {
    static ModuleLogs of(String shortName, List<String> lines) {
        return new ModuleLogs(shortName, lines, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }
}

package computer.parachute.hub.api;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/**
 * Body of {@code GET /api/modules/{short}/logs}: the ring buffer, oldest line first. The buffer holds lines without
 * their newline, so {@code text} puts one back after each: it reads as the module printed it.
 */
public record ModuleLogs(@JsonbProperty("short") String shortName, List<String> lines, String text) {
    static ModuleLogs of(String shortName, List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return new ModuleLogs(shortName, lines, text.toString());
    }
}

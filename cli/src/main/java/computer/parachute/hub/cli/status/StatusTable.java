package computer.parachute.hub.cli.status;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the status table (reference §6.4): columns left-aligned, each padded to its widest cell, two spaces
 * between columns, trailing spaces trimmed; after each row its continuation lines ({@code  → url},
 * {@code  ! probe: ...} when failing, then {@code  ! note} lines). The caller puts the hub row last.
 */
public final class StatusTable {
    static final List<String> HEADER = List.of("SERVICE", "PORT", "VERSION", "STATE", "PID", "UPTIME", "LATENCY", "SOURCE");
    private static final String GAP = "  ";

    private StatusTable() {}

    public static List<String> render(List<StatusRow> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(HEADER);
        rows.forEach(row -> cells.add(cells(row)));
        int[] widths = new int[HEADER.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        List<String> out = new ArrayList<>();
        out.add(join(cells.get(0), widths));
        for (int r = 0; r < rows.size(); r++) {
            out.add(join(cells.get(r + 1), widths));
            out.addAll(continuation(rows.get(r)));
        }
        return out;
    }

    static List<String> continuation(StatusRow row) {
        List<String> lines = new ArrayList<>();
        if (row.url() != null) {
            lines.add("  → " + row.url());
        }
        if (row.failing() && row.probe() != null && !row.probe().equals("-")) {
            lines.add("  ! probe: " + row.probe());
        }
        row.notes().forEach(note -> lines.add("  ! " + note));
        return lines;
    }

    private static List<String> cells(StatusRow row) {
        return List.of(row.service(), dash(row.port()), dash(row.version()), row.state(), dash(row.pid()),
                row.uptimeSeconds() == null ? "-" : Uptimes.format(row.uptimeSeconds()),
                row.latencyMillis() == null ? "-" : row.latencyMillis() + "ms", dash(row.source()));
    }

    private static String join(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(GAP);
            }
            line.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
        }
        return line.toString().stripTrailing();
    }

    private static String dash(Object value) {
        return value == null || value.toString().isEmpty() ? "-" : value.toString();
    }
}

package computer.parachute.hub.cli.status;

import java.util.List;

/**
 * One row of {@code parachute status} (reference §6.4). Null cells print as "-". {@code probe} is the failing detail
 * shown as {@code ! probe: ...} (only when {@code state} is failing); {@code notes} become {@code ! ...} lines.
 */
public record StatusRow(String service, Integer port, String version, String state, Long pid, Long uptimeSeconds,
                        Long latencyMillis, String source, String url, String probe, List<String> notes) {
    public static final String ACTIVE = "active";
    public static final String PENDING = "pending";
    public static final String INACTIVE = "inactive";
    public static final String FAILING = "failing";

    public StatusRow {
        notes = List.copyOf(notes);
    }

    public boolean failing() {
        return FAILING.equals(state);
    }

    public StatusRow withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new StatusRow(service, port, version, state, pid, uptimeSeconds, latencyMillis, source, url, probe, more);
    }
}

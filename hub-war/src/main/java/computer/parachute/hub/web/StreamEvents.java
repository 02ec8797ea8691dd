package computer.parachute.hub.web;

import java.util.List;
import java.util.Map;

/** The {@code data} of each event on the dashboard's stream (see {@link EventStream}); public for JSON-B. */
public final class StreamEvents {
    private StreamEvents() {}

    public record Hello(DashboardView.HubRow hub, List<DashboardView.ModuleRow> modules, List<String> registryWarnings,
                        Map<String, List<String>> logs) {}

    /** {@code sentAt}: when the supervisor published the change (epoch ms), for the page's latency figure. */
    public record Module(DashboardView.ModuleRow module, long sentAt) {}

    public record Removed(String shortName) {}

    public record Log(String shortName, String line) {}

    public record Ended(String reason) {}
}

package computer.parachute.hub.cli;

import computer.parachute.hub.cli.hub.HealthInfo;
import computer.parachute.hub.cli.hub.HubHealth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link HubHealth} that answers what the test says and records every probed port. */
public final class FakeHealth implements HubHealth {
    public boolean up;
    public String service = HealthInfo.HUB_SERVICE;
    public final List<Integer> probes = new ArrayList<>();

    @Override
    public Optional<HealthInfo> probe(int port) {
        probes.add(port);
        return up ? Optional.of(new HealthInfo(service, "1.2.3", "inst", "ok", 4)) : Optional.empty();
    }
}

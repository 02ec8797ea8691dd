package computer.parachute.hub.cli.doctor;

import computer.parachute.hub.cli.hub.HealthInfo;
import computer.parachute.hub.core.config.HubVersion;
import computer.parachute.hub.core.home.HubInstanceRecord;
import computer.parachute.hub.core.net.PortOwner;

import java.util.List;
import java.util.Optional;

/**
 * The hub answers on its port, is ours (the instance {@code hub-instance.json} records), and runs the CLI's
 * version — after an upgrade the running hub is still the old one until restarted.
 */
final class HubCheck implements Check {
    @Override public String id() { return "hub.reachable"; }

    @Override
    public List<Finding> run(DoctorContext context) {
        int port = context.hubPort();
        Optional<HealthInfo> health = context.health();
        if (health.isEmpty()) {
            Optional<PortOwner> owner = context.owners().ownerOf(port);
            if (owner.isPresent()) {
                return List.of(Finding.fail(id(), "port " + port + " is held by " + owner.get().describe()
                        + ", which is not the hub", "stop that process, or run the hub on another port: PARACHUTE_HUB_PORT=<port> parachute start hub"));
            }
            return List.of(Finding.warn(id(), "the hub is not running on port " + port + " (its modules are stopped)",
                    "parachute start hub"));
        }
        HealthInfo info = health.get();
        if (!info.isHub()) {
            return List.of(Finding.fail(id(), "port " + port + " answers /health as \"" + info.service()
                    + "\", not the Parachute hub", "stop that service, or run the hub on another port: PARACHUTE_HUB_PORT=<port> parachute start hub"));
        }
        Optional<String> recorded = HubInstanceRecord.read(context.home()).map(HubInstanceRecord::instance);
        if (recorded.isPresent() && !recorded.get().equals(info.instance())) {
            return List.of(Finding.warn(id(), "the hub on port " + port + " is instance " + info.instance() + ", but "
                    + context.home().hubInstanceFile() + " records " + recorded.get() + " (another hub's files?)",
                    "parachute restart hub"));
        }
        String cli = HubVersion.current();
        if (info.version() != null && !info.version().equals(cli)) {
            return List.of(Finding.warn(id(), "the hub runs v" + info.version() + ", this CLI is v" + cli
                    + " — restart the hub to run v" + cli, "parachute restart hub"));
        }
        return List.of(Finding.ok(id(), "hub v" + info.version() + " answers on port " + port + " (instance "
                + info.instance() + ", " + info.latencyMillis() + " ms)"));
    }
}

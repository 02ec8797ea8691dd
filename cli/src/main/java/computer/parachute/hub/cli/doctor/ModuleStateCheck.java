package computer.parachute.hub.cli.doctor;

import computer.parachute.hub.cli.client.ModuleSnapshot;
import computer.parachute.hub.core.manifest.ServiceEntry;

import java.util.Optional;

/** What the supervisor says of the module, when the hub runs: crashed (gave up) is a failure a restart may fix. */
final class ModuleStateCheck extends ModuleCheck {
    @Override public String id() { return "state"; }

    @Override
    Optional<Finding> check(DoctorContext context, ServiceEntry entry, String shortName) {
        ModuleSnapshot live = context.live().get(shortName);
        if (live == null || live.supervisorStatus() == null) {
            return Optional.empty();
        }
        String id = idFor(shortName);
        if ("crashed".equals(live.supervisorStatus())) {
            String why = live.startErrorDescription() == null ? "it crashed too often and the hub gave up"
                    : live.startErrorDescription();
            return Optional.of(Finding.fail(id, shortName + " is crashed: " + why, "parachute restart " + shortName)
                    .fixable(ctx -> ctx.runVerb("restart", shortName)));
        }
        if (live.startErrorDescription() != null) {
            return Optional.of(Finding.warn(id, shortName + " is " + live.supervisorStatus() + ": " + live.startErrorDescription(),
                    "parachute logs " + shortName));
        }
        return Optional.of(Finding.ok(id, shortName + " is " + live.supervisorStatus()
                + (live.pid() == null ? "" : " (pid " + live.pid() + ")")));
    }
}

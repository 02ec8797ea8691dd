package computer.parachute.hub.cli.doctor;

import computer.parachute.hub.core.unit.CommandRunner;
import computer.parachute.hub.core.unit.GuardedCommandRunner;
import computer.parachute.hub.core.unit.Platform;
import computer.parachute.hub.core.unit.ProcessCommandRunner;
import computer.parachute.hub.core.unit.ServiceManagers;

import java.util.ArrayList;
import java.util.List;

/** Runs every check in a fixed order (hub and files first, then each module) and collects the findings. */
public final class Doctor {
    private final List<Check> checks;

    Doctor(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The production list; the unit check reads the real service manager (read-only verbs only). */
    public static Doctor standard() {
        Platform platform = Platform.current();
        CommandRunner runner = GuardedCommandRunner.fromEnvironment(new ProcessCommandRunner());
        return new Doctor(List.of(new HubCheck(), new UnitCheck(ServiceManagers.detect(platform, runner), runner, platform),
                new TokenFileCheck(), new TokenValidityCheck(), new HomeModeCheck(), new ServicesFileCheck(),
                new ModuleCommandCheck(), new ModulePortCheck(), new ModuleDriftCheck(), new ModuleStateCheck(),
                new DiskCheck(), new JavaVersionCheck()));
    }

    public List<Finding> examine(DoctorContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Check check : checks) {
            try {
                findings.addAll(check.run(context));
            } catch (RuntimeException e) {
                findings.add(Finding.warn(check.id(), "the check itself failed: " + e, "PARACHUTE_DEBUG=1 parachute doctor"));
            }
        }
        return findings;
    }
}

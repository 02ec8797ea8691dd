package computer.parachute.hub.cli.doctor;

import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ShortNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A check that answers once per services.json row, with ids {@code module.<short>.<aspect>}. */
abstract class ModuleCheck implements Check {
    @Override
    public final List<Finding> run(DoctorContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ServiceEntry entry : context.modules()) {
            String shortName = shortOf(entry);
            check(context, entry, shortName).ifPresent(findings::add);
        }
        return findings;
    }

    abstract Optional<Finding> check(DoctorContext context, ServiceEntry entry, String shortName);

    String idFor(String shortName) {
        return "module." + shortName + "." + id();
    }

    static String shortOf(ServiceEntry entry) {
        return ShortNames.forManifest(entry.name()).orElse(entry.name());
    }
}

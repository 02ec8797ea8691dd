package computer.parachute.hub.cli.doctor;

import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesFileException;
import computer.parachute.hub.core.manifest.ServicesRegistry;

import java.nio.file.Files;
import java.util.List;

/** services.json parses strictly (the reader names the row and field); never repaired for the operator. */
final class ServicesFileCheck implements Check {
    @Override public String id() { return "services.json"; }

    @Override
    public List<Finding> run(DoctorContext context) {
        ServicesRegistry registry = new ServicesRegistry(context.home().servicesJson());
        if (!Files.exists(registry.file())) {
            return List.of(Finding.ok(id(), "no modules registered yet (" + registry.file() + " absent)"));
        }
        try {
            List<ServiceEntry> rows = registry.readStrict();
            return List.of(Finding.ok(id(), registry.file() + ": " + rows.size() + " module(s)"));
        } catch (ServicesFileException e) {
            return List.of(Finding.fail(id(), e.getMessage(), "edit " + registry.file()
                    + " (or re-register the module with `parachute install <dir>`)"));
        }
    }
}

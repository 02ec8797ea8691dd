package computer.parachute.hub.cli.doctor;

import computer.parachute.hub.core.manifest.ModuleManifest;
import computer.parachute.hub.core.manifest.ModuleManifestException;
import computer.parachute.hub.core.manifest.ServiceEntry;

import java.nio.file.Path;
import java.util.Optional;

/**
 * services.json's port (the one the hub gives the module) against the module's own module.json: they drift when
 * either is edited by hand. The fix is what the operator would run: {@code parachute install <dir>} (which takes the
 * module's port when it is free), then a restart when the hub runs it.
 */
final class ModuleDriftCheck extends ModuleCheck {
    @Override public String id() { return "drift"; }

    @Override
    Optional<Finding> check(DoctorContext context, ServiceEntry entry, String shortName) {
        if (entry.installDir() == null) {
            return Optional.empty();
        }
        ModuleManifest manifest;
        try {
            manifest = ModuleManifest.read(Path.of(entry.installDir()));
        } catch (ModuleManifestException e) {
            return Optional.empty(); // module.command names the manifest problem
        }
        String id = idFor(shortName);
        if (manifest.port() == entry.port()) {
            return Optional.of(Finding.ok(id, "port " + entry.port() + " agrees with " + ModuleManifest.fileIn(Path.of(entry.installDir()))));
        }
        boolean running = context.live().containsKey(shortName) && "running".equals(context.live().get(shortName).supervisorStatus());
        String fix = "parachute install " + entry.installDir() + (running ? " && parachute restart " + shortName : "");
        return Optional.of(Finding.warn(id, "services.json gives " + shortName + " port " + entry.port() + ", its module.json asks for "
                + manifest.port(), fix).fixable(ctx -> {
                    String done = ctx.runVerb("install", entry.installDir(), "--no-start");
                    return running ? done + "; " + ctx.runVerb("restart", shortName) : done;
                }));
    }
}

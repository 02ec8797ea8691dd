package computer.parachute.hub.cli.doctor;

import computer.parachute.hub.core.manifest.EnvFile;
import computer.parachute.hub.core.manifest.ModuleManifest;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.StartCommand;
import computer.parachute.hub.core.manifest.StartCommands;
import computer.parachute.hub.core.process.ExecutableLookup;
import computer.parachute.hub.core.process.ToolPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The module can be started: its installDir exists, its {@code .env} is readable, and {@code startCmd[0]} resolves
 * to an executable on the PATH its child gets (the {@code .env} PATH, else this PATH plus the usual tool dirs, as
 * the supervisor builds it) — the same resolution as the supervisor's preflight.
 */
final class ModuleCommandCheck extends ModuleCheck {
    @Override public String id() { return "command"; }

    @Override
    Optional<Finding> check(DoctorContext context, ServiceEntry entry, String shortName) {
        String id = idFor(shortName);
        if (entry.installDir() != null && !Files.isDirectory(Path.of(entry.installDir()))) {
            return Optional.of(Finding.fail(id, shortName + "'s installDir " + entry.installDir() + " does not exist",
                    "restore " + entry.installDir() + ", or `parachute uninstall " + shortName + "`"));
        }
        Path envFile = context.home().moduleEnvFile(shortName);
        String childPath = null;
        if (Files.exists(envFile)) {
            try {
                childPath = EnvFile.load(envFile).pairs().get("PATH");
            } catch (IOException e) {
                return Optional.of(Finding.fail(id, "cannot read " + envFile + ": " + e.getMessage(), "chmod 600 " + envFile));
            }
        }
        StartCommand command = StartCommands.resolve(entry);
        if (command instanceof StartCommand.Skipped skipped) {
            if ("no-start-cmd".equals(skipped.reason())) {
                return Optional.of(Finding.ok(id, shortName + " has no start command (a CLI-only module)"));
            }
            return Optional.of(Finding.fail(id, skipped.description(), entry.installDir() == null
                    ? "parachute install <path-to-" + shortName + ">" : "fix " + ModuleManifest.fileIn(Path.of(entry.installDir()))));
        }
        StartCommand.Resolved resolved = (StartCommand.Resolved) command;
        String binary = resolved.argv().get(0);
        String path = new ToolPath(context.env().env().get("PATH"), System.getProperty("user.home"), Files::isDirectory)
                .enrich(childPath);
        ExecutableLookup lookup = ExecutableLookup.find(binary, resolved.cwd(), path);
        if (lookup.executable().isPresent()) {
            return Optional.of(Finding.ok(id, shortName + " starts with " + lookup.executable().get()));
        }
        String manifest = entry.installDir() == null ? "its startCmd" : ModuleManifest.fileIn(Path.of(entry.installDir())).toString();
        if (lookup.notExecutable().isPresent()) {
            Path file = lookup.notExecutable().get();
            return Optional.of(Finding.fail(id, file + " (" + shortName + "'s start command) is not executable",
                    "chmod +x " + file));
        }
        return Optional.of(Finding.fail(id, "\"" + binary + "\" (" + shortName + "'s start command) is not on its PATH ("
                + path + ")", "install " + binary + " or fix startCmd in " + manifest));
    }
}

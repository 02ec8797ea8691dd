package computer.parachute.hub.core.manifest;

import computer.parachute.hub.core.fs.StampedCache;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves a row's start command in one place for boot, the API and the CLI: the module's own module.json when
 * the row has an installDir (authoritative, DESIGN §4), else the first-party fallback, else nothing.
 */
public final class StartCommands {
    private StartCommands() {}

    public static StartCommand resolve(ServiceEntry entry) {
        return resolve(entry, null);
    }

    /**
     * As {@link #resolve(ServiceEntry)}, with module.json read through {@code manifests} (null: read afresh): the
     * hub's API resolves a module's command on every start and restart, and the file rarely changes.
     */
    public static StartCommand resolve(ServiceEntry entry, StampedCache<ModuleManifest> manifests) {
        String shortName = ShortNames.forManifest(entry.name()).orElse(entry.name());
        if (entry.installDir() != null) {
            Path installDir = Path.of(entry.installDir());
            try {
                ModuleManifest manifest = manifests == null ? ModuleManifest.read(installDir)
                        : manifests.get(ModuleManifest.fileIn(installDir), stamp -> ModuleManifest.read(installDir));
                if (manifest.startCmd().isEmpty()) {
                    return new StartCommand.Skipped("no-start-cmd", shortName + " has no resolvable startCmd (CLI-only module, or "
                            + ModuleManifest.fileIn(installDir) + " is missing a startCmd)");
                }
                return new StartCommand.Resolved(manifest.startCmd(), installDir);
            } catch (ModuleManifestException e) {
                Optional<StartCommand> fallback = knownFallback(entry, installDir);
                return fallback.orElseGet(() -> new StartCommand.Skipped("invalid-manifest", e.getMessage()));
            }
        }
        return knownFallback(entry, null).orElseGet(() -> new StartCommand.Skipped("no-spec", shortName
                + ": services.json entry has no installDir, so the start command can't be resolved. Re-run `parachute install <path-to-"
                + shortName + ">` to refresh its registration."));
    }

    private static Optional<StartCommand> knownFallback(ServiceEntry entry, Path cwd) {
        return KnownModules.byManifest(entry.name()).map(k -> new StartCommand.Resolved(k.startCmd(), cwd));
    }
}

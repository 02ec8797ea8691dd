package computer.parachute.hub.core.manifest;

import computer.parachute.hub.core.home.ModuleNames;

import java.util.Locale;
import java.util.Optional;

/** Manifest name ↔ short name: {@code parachute-vault} ↔ {@code vault}; third-party rows use their own name. */
public final class ShortNames {
    private ShortNames() {}

    /**
     * The short name a services.json row is operated by: a first-party manifest name maps to its short; any
     * other name is used as it is when it is a valid short, else its last path segment ({@code @acme/notes} →
     * {@code notes}); empty when neither is a valid short (such a row cannot be addressed by the CLI or API).
     */
    public static Optional<String> forManifest(String manifestName) {
        Optional<KnownModules.Known> known = KnownModules.byManifest(manifestName);
        if (known.isPresent()) {
            return Optional.of(known.get().shortName());
        }
        String lower = manifestName.toLowerCase(Locale.ROOT);
        if (ModuleNames.isValidShort(lower)) {
            return Optional.of(lower);
        }
        String lastSegment = lower.substring(lower.lastIndexOf('/') + 1);
        return ModuleNames.isValidShort(lastSegment) ? Optional.of(lastSegment) : Optional.empty();
    }

    /** The manifest name a new row for {@code shortName} gets: the first-party name when known, else the short. */
    public static String manifestFor(String shortName) {
        return KnownModules.byShort(shortName).map(KnownModules.Known::manifestName).orElse(shortName);
    }
}

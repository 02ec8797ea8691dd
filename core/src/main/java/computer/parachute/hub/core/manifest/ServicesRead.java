package computer.parachute.hub.core.manifest;

import java.util.List;
import java.util.Optional;

/**
 * What a lenient read of services.json found: the usable rows and one warning per row it skipped, plus, when the
 * file as a whole could not be used (not JSON, too large, not a regular file), the error naming the file
 * ({@link #unusable()}: the API reports that as {@code registry_invalid}, never as an empty registry).
 */
public record ServicesRead(List<ServiceEntry> entries, List<String> warnings, ServicesFileException fileError) {
    public ServicesRead {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    public ServicesRead(List<ServiceEntry> entries, List<String> warnings) {
        this(entries, warnings, null);
    }

    /** The whole file was unusable (its rows are then empty): the error names the file and what is wrong. */
    public Optional<ServicesFileException> unusable() {
        return Optional.ofNullable(fileError);
    }

    public Optional<ServiceEntry> byName(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The row whose short name ({@link ShortNames#forManifest}) is {@code shortName}. */
    public Optional<ServiceEntry> byShort(String shortName) {
        return entries.stream().filter(e -> ShortNames.forManifest(e.name()).filter(shortName::equals).isPresent()).findFirst();
    }
}

package computer.parachute.hub.core.manifest;

import java.util.List;
import java.util.Optional;

/** What a lenient read of services.json found: the usable rows and one warning per row it skipped. */
public record ServicesRead(List<ServiceEntry> entries, List<String> warnings) {
    public ServicesRead {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    public Optional<ServiceEntry> byName(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The row whose short name ({@link ShortNames#forManifest}) is {@code shortName}. */
    public Optional<ServiceEntry> byShort(String shortName) {
        return entries.stream().filter(e -> ShortNames.forManifest(e.name()).filter(shortName::equals).isPresent()).findFirst();
    }
}

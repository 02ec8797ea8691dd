package computer.parachute.hub.core.manifest;

import computer.parachute.hub.core.fs.StampedCache;
import java.util.List;
import java.util.Optional;

/**
 * services.json as parsed at one version of the file: the strict reading (every row valid) or why it failed, and the
 * lenient reading (the usable rows plus warnings). {@link #stamp()} identifies the version, so a caller can act once
 * per change (RegistryRescan) and the API can report a malformed file as such ({@link #strictError()}).
 */
public record RegistryState(StampedCache.Stamp stamp, long readAtMillis, List<ServiceEntry> strict, ServicesFileException strictError,
                            ServicesRead lenient) {

    public RegistryState {
        strict = strict == null ? null : List.copyOf(strict);
    }

    /** The strict rows, or the error naming the file, the row and the field. */
    public List<ServiceEntry> strictEntries() throws ServicesFileException {
        if (strictError != null) {
            throw strictError;
        }
        return strict;
    }

    /** Why the strict reading failed; empty when every row is valid. */
    public Optional<ServicesFileException> invalid() {
        return Optional.ofNullable(strictError);
    }
}

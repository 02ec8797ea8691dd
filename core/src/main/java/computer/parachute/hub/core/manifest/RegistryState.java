package computer.parachute.hub.core.manifest;

import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

/**
 * services.json as parsed at one version of the file: the strict reading (every row valid) or why it failed, and the
 * lenient reading (the usable rows plus warnings). {@link #stamp()} identifies the version, so a caller can act once
 * per change (RegistryRescan) and the API can report a malformed file as such ({@link #strictError()}).
 */
public record RegistryState(Stamp stamp, long readAtMillis, List<ServiceEntry> strict, ServicesFileException strictError,
                            ServicesRead lenient) {

    public RegistryState {
        strict = strict == null ? null : List.copyOf(strict);
    }

    /** Modification time, size and file key (device + inode): an atomic rename always changes the key. */
    public record Stamp(FileTime modified, long size, Object fileKey) {
        static final Stamp ABSENT = new Stamp(FileTime.fromMillis(Long.MIN_VALUE), -1, null);
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

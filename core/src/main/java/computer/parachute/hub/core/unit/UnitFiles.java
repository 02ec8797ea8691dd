package computer.parachute.hub.core.unit;

import computer.parachute.hub.core.fs.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Atomic write of a unit file: a temp file in the same directory, then a rename, so the manager
 * never reads half a unit; the mode is what a unit file must have, not the temp file's default.
 */
final class UnitFiles {

    /**
     * Temp files start at 0600; a unit must be readable (and a LaunchAgent must not be group- or
     * world-writable), so the conventional 0644.
     */
    private static final String UNIT_FILE_MODE = "rw-r--r--";

    private UnitFiles() {
    }

    static void writeAtomically(Path target, String text) throws IOException {
        AtomicFiles.writeString(target, text, PosixFilePermissions.fromString(UNIT_FILE_MODE));
    }

    /** Deletes {@code file}; returns an error text instead of throwing, because callers are already failing. */
    static String deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            return "";
        } catch (IOException e) {
            return "could not remove " + file + " (" + e.getMessage() + ")";
        }
    }
}

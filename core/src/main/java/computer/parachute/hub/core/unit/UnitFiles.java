package computer.parachute.hub.core.unit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Atomic write of a unit file: a temp file in the same directory, then a rename, so the manager
 * never reads half a unit. Stand-in until core's {@code fs.AtomicFiles} lands.
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
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            if (Files.getFileAttributeView(temp, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(UNIT_FILE_MODE));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
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

package computer.parachute.hub.core.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Every writer under PARACHUTE_HOME goes through here (DESIGN §4): write a temp file beside the target, then
 * rename it over the target, so a reader sees the old file or the new one and never half of either.
 */
public final class AtomicFiles {
    /** Mode for secrets such as operator.token. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {}

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8), null);
    }

    public static void writeString(Path target, String content, Set<PosixFilePermission> mode) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8), mode);
    }

    /** Writes {@code bytes} to {@code target} atomically; {@code mode} (nullable) is applied before the rename. */
    public static void write(Path target, byte[] bytes, Set<PosixFilePermission> mode) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            if (mode != null) {
                createWithMode(temp, mode); // a secret is never readable by others, not even in the temp file
            }
            Files.write(temp, bytes);
            if (mode != null) {
                setMode(temp, mode);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void createWithMode(Path file, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(mode));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: Files.write creates it below
        }
    }

    private static void setMode(Path file, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.setPosixFilePermissions(file, mode);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (never the case on Linux/macOS); the rename still happens
        }
    }
}

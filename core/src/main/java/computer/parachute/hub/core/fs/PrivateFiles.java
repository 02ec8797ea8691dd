package computer.parachute.hub.core.fs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Owner-only creation for everything under PARACHUTE_HOME (DESIGN §12): directories 0700 and files 0600 are asked
 * for in the create call itself, so no other user can open them in a window between creation and a later chmod,
 * whatever the process umask. A umask can only take bits away; an umask that strips the owner's own bits (never
 * sensible) is repaired after creation, which widens nothing for anyone else.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {}

    /** Creates {@code dir} and every missing parent with mode 0700; existing directories are left as they are. */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                Files.createDirectory(next, attributes(DIR_MODE));
                repairOwnerBits(next, DIR_MODE);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(next)) {
                    throw new FileAlreadyExistsException(next.toString(), null, "exists and is not a directory");
                }
            }
        }
        return dir;
    }

    /** Creates a new, empty file with mode 0600 (fails if it exists). */
    public static void createFile(Path file) throws IOException {
        createFile(file, FILE_MODE);
    }

    public static void createFile(Path file, Set<PosixFilePermission> mode) throws IOException {
        Files.createFile(file, attributes(mode));
        repairOwnerBits(file, mode);
    }

    /** Opens {@code file} for appending, creating it with mode 0600 if absent (an existing file keeps its mode). */
    public static OutputStream openAppend(Path file) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return Channels.newOutputStream(Files.newByteChannel(file, options, attributes(FILE_MODE)));
    }

    /** The permission attribute for a create call, or none on a file system without POSIX modes. */
    public static FileAttribute<?>[] attributes(Set<PosixFilePermission> mode) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }

    public static boolean posix() {
        return POSIX;
    }

    private static void repairOwnerBits(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(path).equals(mode)) {
            Files.setPosixFilePermissions(path, mode); // the umask removed owner bits; others get nothing either way
        }
    }
}

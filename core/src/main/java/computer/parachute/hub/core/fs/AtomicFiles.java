package computer.parachute.hub.core.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every writer under PARACHUTE_HOME goes through here (DESIGN §4): write a temp file beside the target, then
 * rename it over the target, so a reader sees the old file or the new one and never half of either.
 * The temp file is created with its final mode (owner-only unless told otherwise), so no other user can open it
 * in between; a symlinked target stays a symlink (the file it points at is replaced, in its own directory).
 */
public final class AtomicFiles {
    /** Mode for secrets such as operator.token, and the default for every file the hub writes. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PrivateFiles.FILE_MODE;
    private static final int MAX_LINK_HOPS = 40;

    private AtomicFiles() {}

    /**
     * Writes {@code content}; a new file gets mode 0600, an existing one keeps its mode without group/other write
     * (an operator who opened services.json to their group keeps that; nobody else may rewrite it).
     */
    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8), null);
    }

    public static void writeString(Path target, String content, Set<PosixFilePermission> mode) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8), mode);
    }

    /** Writes {@code bytes} to {@code target} atomically with {@code mode} (null: see {@link #writeString(Path, String)}). */
    public static void write(Path target, byte[] bytes, Set<PosixFilePermission> mode) throws IOException {
        Path real = followLinks(target.toAbsolutePath());
        Path dir = real.getParent();
        PrivateFiles.createDirectories(dir);
        Set<PosixFilePermission> finalMode = mode != null ? mode : keptMode(real);
        Path temp = dir.resolve(real.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            PrivateFiles.createFile(temp, finalMode);
            Files.write(temp, bytes);
            try {
                Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The file a chain of symlinks ends at (which may not exist yet); {@code path} itself when it is no link. */
    static Path followLinks(Path path) throws IOException {
        Path current = path;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINK_HOPS) {
                throw new IOException(path + ": too many levels of symbolic links");
            }
            current = current.resolveSibling(Files.readSymbolicLink(current));
        }
        return current;
    }

    private static Set<PosixFilePermission> keptMode(Path existing) throws IOException {
        if (!PrivateFiles.posix()) {
            return OWNER_ONLY;
        }
        try {
            Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
            mode.addAll(Files.getPosixFilePermissions(existing, LinkOption.NOFOLLOW_LINKS));
            mode.removeAll(Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
            mode.addAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            return mode;
        } catch (NoSuchFileException e) {
            return OWNER_ONLY;
        }
    }
}

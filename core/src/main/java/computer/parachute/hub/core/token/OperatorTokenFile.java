package computer.parachute.hub.core.token;

import computer.parachute.hub.core.fs.AtomicFiles;
import computer.parachute.hub.core.fs.BoundedFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code $PARACHUTE_HOME/operator.token} (reference §4.2): the token plus a newline, mode 0600, replaced
 * atomically. A looser mode is reported through the warning sink with the chmod fix, and the token is still used.
 */
public final class OperatorTokenFile {
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path path;
    private final Consumer<String> warnings;

    /** {@code warnings} receives one line per problem worth telling the operator (the CLI prints it to stderr). */
    public OperatorTokenFile(Path path, Consumer<String> warnings) {
        this.path = path;
        this.warnings = warnings;
    }

    public Path path() {
        return path;
    }

    /** The trimmed token; empty when the file is absent or holds only whitespace. */
    public Optional<String> read() throws IOException {
        String content;
        try {
            content = BoundedFiles.readString(path, BoundedFiles.RUN_FILE_BYTES);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        warnIfLoose();
        String token = content.trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** Replaces the file with {@code token} + newline, mode 0600 (AtomicFiles: temp file, chmod, rename). */
    public void write(String token) throws IOException {
        AtomicFiles.writeString(path, token.trim() + "\n", AtomicFiles.OWNER_ONLY);
    }

    private void warnIfLoose() throws IOException {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException e) {
            return; // not a POSIX file system: there is no mode to check
        }
        if (mode.stream().anyMatch(GROUP_OR_OTHER::contains)) {
            warnings.accept("parachute: operator token file at " + path + " has mode " + octal(mode)
                    + " (group/other can read it). Run `chmod 0600 " + path + "` to lock it down.");
        }
    }

    /** {@code 0644}-style text for a permission set. */
    static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission permission : mode) {
            // PosixFilePermission's order is OWNER_READ .. OTHERS_EXECUTE, i.e. bit 8 down to bit 0
            bits |= 1 << (8 - permission.ordinal());
        }
        return String.format("0%03o", bits);
    }
}

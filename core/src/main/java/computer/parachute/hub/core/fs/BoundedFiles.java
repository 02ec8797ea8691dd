package computer.parachute.hub.core.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the small text files the operator edits (services.json, .env, module.json) with a size limit, and only when
 * they are regular files (DESIGN §12): a FIFO would block the reader forever and a huge file would fill the heap.
 * The type and size are checked before the file is opened (opening a FIFO is what blocks), and the read itself stops
 * one byte past the limit, so a file that grows in between is refused too.
 */
public final class BoundedFiles {
    /** The limit for every operator-edited file: far above any real registry, far below the hub's heap. */
    public static final long ONE_MIB = 1024 * 1024;
    /** The limit for the hub's own small run files (hub.pid, hub.port, hub-instance.json, operator.token). */
    public static final long RUN_FILE_BYTES = 64 * 1024;

    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private BoundedFiles() {}

    /** The UTF-8 text of {@code file} (symlinks followed); {@link java.nio.file.NoSuchFileException} when absent. */
    public static String readString(Path file, long limit) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new UnreadableFileException(file, "is " + kindOf(file, attributes) + ", not a regular file");
        }
        if (attributes.size() > limit) {
            throw tooLarge(file, attributes.size(), limit);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge(file, Math.max(bytes.length, Files.size(file)), limit);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static UnreadableFileException tooLarge(Path file, long size, long limit) {
        return new UnreadableFileException(file, "is " + size + " bytes, over the " + describe(limit) + " limit");
    }

    private static String describe(long limit) {
        return limit % ONE_MIB == 0 ? (limit / ONE_MIB) + " MiB (" + limit + " bytes)" : limit + "-byte";
    }

    private static String kindOf(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            int type = ((Integer) Files.getAttribute(file, "unix:mode")) & S_IFMT;
            return switch (type) {
                case S_IFIFO -> "a FIFO (named pipe)";
                case S_IFSOCK -> "a socket";
                case S_IFCHR, S_IFBLK -> "a device";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    /** The file exists but will not be read; the message names the file and why (what {@code getMessage} shows). */
    public static final class UnreadableFileException extends IOException {
        private final Path file;
        private final String problem;

        UnreadableFileException(Path file, String problem) {
            super(file + " " + problem);
            this.file = file;
            this.problem = problem;
        }

        public Path file() {
            return file;
        }

        /** What is wrong, without the file name ("is 2097152 bytes, over the 1 MiB (1048576 bytes) limit"). */
        public String problem() {
            return problem;
        }
    }
}

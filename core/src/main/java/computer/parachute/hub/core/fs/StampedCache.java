package computer.parachute.hub.core.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was worked out from a small file (parsed services.json, a module.json, a .env), kept until the file changes:
 * a look-up costs a stat, not a read and a parse. The file's version is its {@link Stamp} (modification time, size,
 * file key); a value read while the file was younger than {@link #RACY_WINDOW} is not trusted for reuse, since the
 * file may change again within the file system's timestamp granularity without its stamp changing (git's "racy
 * clean" rule). Only values a loader returned are kept; a failure is worked out again on the next call.
 */
public final class StampedCache<T> {
    /** Coarse kernel clocks and some file systems tick in 1-2 s. */
    public static final Duration RACY_WINDOW = Duration.ofSeconds(2);
    /** A hub has a few dozen modules; past this the memory is dropped whole rather than tracked per file. */
    private static final int MAX_FILES = 256;

    /** Modification time, size and file key (device + inode): an atomic rename always changes the key. */
    public record Stamp(FileTime modified, long size, Object fileKey) {
        public static final Stamp ABSENT = new Stamp(FileTime.fromMillis(Long.MIN_VALUE), -1, null);

        /** The file's stamp now; {@link #ABSENT} when it cannot be read. */
        public static Stamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
            } catch (IOException e) {
                return ABSENT;
            }
        }
    }

    /** Works out the value of the file at {@code stamp}. */
    @FunctionalInterface
    public interface Loader<T, E extends Exception> {
        T load(Stamp stamp) throws E;
    }

    private record Entry<T>(Stamp stamp, long readAtMillis, T value) {}

    private final Map<Path, Entry<T>> entries = new ConcurrentHashMap<>();

    /** The value for {@code file} at its current version: {@code loader}'s, reused until the stamp changes. */
    public <E extends Exception> T get(Path file, Loader<T, E> loader) throws E {
        Stamp now = Stamp.of(file);
        Entry<T> last = entries.get(file);
        if (last != null && last.stamp().equals(now) && !isRacy(last)) {
            return last.value();
        }
        long readAt = System.currentTimeMillis(); // wall time, as file timestamps are
        T fresh = loader.load(now);
        if (entries.size() >= MAX_FILES) {
            entries.clear();
        }
        entries.put(file, new Entry<>(now, readAt, fresh));
        return fresh;
    }

    private static boolean isRacy(Entry<?> entry) {
        return entry.stamp().modified().toMillis() >= entry.readAtMillis() - RACY_WINDOW.toMillis();
    }
}

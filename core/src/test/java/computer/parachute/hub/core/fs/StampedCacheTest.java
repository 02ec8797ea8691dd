package computer.parachute.hub.core.fs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StampedCacheTest {
    @TempDir
    Path dir;

    private final StampedCache<String> cache = new StampedCache<>();
    private final AtomicInteger loads = new AtomicInteger();

    private String read(Path file) throws IOException {
        return cache.get(file, stamp -> {
            loads.incrementAndGet();
            return Files.readString(file);
        });
    }

    /** An old file: outside the racy window, so its reading may be reused. */
    private static void age(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void anUnchangedFileIsReadOnce() throws IOException {
        Path file = Files.writeString(dir.resolve("a.env"), "A=1\n");
        age(file);
        for (int i = 0; i < 5; i++) {
            assertEquals("A=1\n", read(file));
        }
        assertEquals(1, loads.get());
    }

    @Test
    void aChangedFileIsReadAgainWhateverChanged() throws IOException {
        Path file = Files.writeString(dir.resolve("a.env"), "A=1\n");
        age(file);
        read(file);
        Files.writeString(file, "A=2\n"); // same size, new modification time
        age(file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(30)));
        assertEquals("A=2\n", read(file));
        Path replacement = Files.writeString(dir.resolve("b.env"), "A=3\n");
        Files.setLastModifiedTime(replacement, Files.getLastModifiedTime(file));
        Files.move(replacement, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // same mtime and size, new inode
        assertEquals("A=3\n", read(file));
        assertEquals(3, loads.get());
    }

    @Test
    void aFileModifiedWithinTheRacyWindowIsNotTrusted() throws IOException {
        Path file = Files.writeString(dir.resolve("a.env"), "A=1\n"); // just written
        read(file);
        read(file);
        assertEquals(2, loads.get(), "a reading of a file younger than the racy window was reused");
    }

    @Test
    void aFailureIsNotRemembered() throws IOException {
        Path file = dir.resolve("missing.env");
        assertThrows(IOException.class, () -> read(file));
        Files.writeString(file, "A=1\n");
        assertEquals("A=1\n", read(file));
        assertEquals(2, loads.get());
    }
}

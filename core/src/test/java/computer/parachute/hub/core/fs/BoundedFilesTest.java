package computer.parachute.hub.core.fs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: operator-edited files are read only when regular and under the limit; a FIFO never blocks the reader. */
class BoundedFilesTest {
    @TempDir Path dir;

    @Test
    void readsARegularFileUpToTheLimit() throws Exception {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "x".repeat(100));
        assertEquals("x".repeat(100), BoundedFiles.readString(file, 100));
        assertThrows(NoSuchFileException.class, () -> BoundedFiles.readString(dir.resolve("missing"), 100));
    }

    @Test
    void aFileOverTheLimitIsRefusedNamingFileSizeAndLimit() throws Exception {
        Path file = dir.resolve("services.json");
        Files.write(file, new byte[(int) BoundedFiles.ONE_MIB + 1]);
        BoundedFiles.UnreadableFileException e = assertThrows(BoundedFiles.UnreadableFileException.class,
                () -> BoundedFiles.readString(file, BoundedFiles.ONE_MIB));
        assertEquals(file + " is 1048577 bytes, over the 1 MiB (1048576 bytes) limit", e.getMessage());
    }

    @Test
    void aFifoIsAnErrorAtOnceNeverAHang() throws Exception {
        Path fifo = dir.resolve("services.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
        BoundedFiles.UnreadableFileException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThrows(BoundedFiles.UnreadableFileException.class, () -> BoundedFiles.readString(fifo, 1024)));
        assertEquals(fifo + " is a FIFO (named pipe), not a regular file", e.getMessage());
    }

    @Test
    void aDirectoryIsAnError() throws Exception {
        Path directory = Files.createDirectories(dir.resolve("services.json"));
        BoundedFiles.UnreadableFileException e = assertThrows(BoundedFiles.UnreadableFileException.class,
                () -> BoundedFiles.readString(directory, 1024));
        assertEquals(directory + " is a directory, not a regular file", e.getMessage());
    }

    @Test
    void aSymlinkToARegularFileIsFollowed() throws Exception {
        Path target = dir.resolve("real.json");
        Files.writeString(target, "{}");
        Path link = Files.createSymbolicLink(dir.resolve("services.json"), target);
        assertEquals("{}", BoundedFiles.readString(link, 1024));
    }
}

package computer.parachute.hub.core.fs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void writesCreatesParentsAndLeavesNoTempFiles() throws Exception {
        Path target = dir.resolve("a/b/file.json");
        AtomicFiles.writeString(target, "one\n");
        AtomicFiles.writeString(target, "two\n");
        assertEquals("two\n", Files.readString(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void appliesTheModeBeforeTheFileAppears() throws Exception {
        Path target = dir.resolve("operator.token");
        AtomicFiles.writeString(target, "secret\n", AtomicFiles.OWNER_ONLY);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    /** A reader racing a writer sees one complete version or the other, never a prefix (bounded: 300 writes). */
    @Test
    void aReaderNeverSeesAHalfWrittenFile() throws Exception {
        Path target = dir.resolve("services.json");
        String small = "{\"v\":\"" + "a".repeat(10) + "\"}\n";
        String large = "{\"v\":\"" + "b".repeat(200_000) + "\"}\n";
        AtomicFiles.writeString(target, small);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> torn = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    String seen = Files.readString(target);
                    reads.incrementAndGet();
                    if (!seen.equals(small) && !seen.equals(large)) {
                        torn.set("length " + seen.length());
                    }
                } catch (NoSuchFileException e) {
                    torn.set("file missing during rename");
                } catch (Exception e) {
                    torn.set(e.toString());
                }
            }
        });
        reader.start();
        for (int i = 0; i < 300; i++) {
            AtomicFiles.writeString(target, i % 2 == 0 ? large : small);
        }
        done.set(true);
        reader.join(10_000);
        assertNull(torn.get());
        assertTrue(reads.get() > 0);
    }

    @Test
    void aNewFileIsOwnerOnlyAndAnExistingOneKeepsItsModeWithoutGroupOrOtherWrite() throws Exception {
        Path fresh = dir.resolve("fresh/services.json");
        AtomicFiles.writeString(fresh, "{}\n");
        assertEquals("rw-------", mode(fresh));
        assertEquals("rwx------", mode(fresh.getParent()));

        Path shared = dir.resolve("shared.json");
        Files.writeString(shared, "{}\n");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.writeString(shared, "{\"v\":1}\n");
        assertEquals("rw-r-----", mode(shared), "the operator's own choice of mode survives a rewrite");

        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-rw-"));
        AtomicFiles.writeString(shared, "{\"v\":2}\n");
        assertEquals("rw-r--r--", mode(shared), "but nobody else may write the hub's files");
    }

    /** Issue 9: install through a symlinked services.json keeps the link and rewrites its target atomically. */
    @Test
    void aSymlinkedTargetStaysASymlinkAndItsTargetIsReplacedInItsOwnDirectory() throws Exception {
        Path dotfiles = Files.createDirectories(dir.resolve("dotfiles"));
        Path real = dotfiles.resolve("services.json");
        Files.writeString(real, "old\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Path link = home.resolve("services.json");
        Files.createSymbolicLink(link, Path.of("../dotfiles/services.json"));

        AtomicFiles.writeString(link, "new\n");

        assertTrue(Files.isSymbolicLink(link), "still a symlink");
        assertEquals(Path.of("../dotfiles/services.json"), Files.readSymbolicLink(link));
        assertEquals("new\n", Files.readString(real));
        assertEquals("rw-r-----", mode(real), "the target keeps its mode");
        try (var files = Files.list(home)) {
            assertEquals(List.of(link), files.toList(), "no temp file left beside the link");
        }
        try (var files = Files.list(dotfiles)) {
            assertEquals(List.of(real), files.toList(), "no temp file left beside the target");
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}

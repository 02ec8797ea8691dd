package computer.parachute.hub.core.manifest;

import computer.parachute.hub.core.fs.BoundedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: services.json is parsed once per change, and operator files are bounded and regular. */
class RegistryCacheAndBoundsTest {
    private static final String ONE_ROW = "{\"services\":[{\"name\":\"alpha\",\"port\":2001,\"paths\":[],\"health\":\"/h\",\"version\":\"1\"}]}\n";
    private static final String SAME_SIZE = "{\"services\":[{\"name\":\"bravo\",\"port\":2001,\"paths\":[],\"health\":\"/h\",\"version\":\"1\"}]}\n";

    @TempDir Path dir;

    private Path file() { return dir.resolve("services.json"); }

    /** Backdates the file past the racy window, as it is for every registry not edited in the last seconds. */
    private void settle(Path file) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
    }

    @Test
    void anUnchangedFileIsParsedOnceAndServedFromTheCache() throws Exception {
        Files.writeString(file(), ONE_ROW);
        settle(file());
        ServicesRegistry registry = new ServicesRegistry(file());
        assertEquals("alpha", registry.readLenient().entries().get(0).name());
        for (int i = 0; i < 100; i++) {
            assertEquals("alpha", registry.readStrict().get(0).name());
            registry.readLenient();
        }
        assertEquals(1, registry.parseCount(), "one parse for 201 reads of an unchanged file");
    }

    @Test
    void aSameSizeChangeIsSeenWhetherRenamedOverOrRewrittenInPlace() throws Exception {
        assertEquals(ONE_ROW.length(), SAME_SIZE.length());
        Files.writeString(file(), ONE_ROW);
        settle(file());
        ServicesRegistry registry = new ServicesRegistry(file());
        assertEquals("alpha", registry.readStrict().get(0).name());

        // an atomic rename (what every writer does) gives a new file key even with the same size and mtime
        Path temp = dir.resolve("services.json.new");
        Files.writeString(temp, SAME_SIZE);
        Files.setLastModifiedTime(temp, Files.getLastModifiedTime(file()));
        Files.move(temp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        assertEquals("bravo", registry.readStrict().get(0).name());

        // an in-place rewrite (an editor saving over the file) right after a read: same size, same inode, and
        // possibly the same coarse timestamp — the racy-window rule re-reads it
        settle(file());
        assertEquals("bravo", registry.readStrict().get(0).name());
        try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
            raw.write(ONE_ROW.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("alpha", registry.readStrict().get(0).name());
        assertEquals("alpha", registry.readLenient().entries().get(0).name());
    }

    @Test
    void aMalformedFileIsExposedAsTypedStateNamingTheFile() throws Exception {
        Files.writeString(file(), "{\"services\": [ {\"name\": oops ] }");
        ServicesRegistry registry = new ServicesRegistry(file());
        RegistryState state = registry.state();
        ServicesFileException invalid = state.invalid().orElseThrow();
        assertEquals(file(), invalid.file());
        assertTrue(invalid.getMessage().contains("is not valid JSON"), invalid.getMessage());
        assertEquals(invalid.getMessage(), registry.readLenient().unusable().orElseThrow().getMessage());
        assertEquals(List.of(), registry.readLenient().entries());
    }

    @Test
    void aServicesJsonOverOneMibIsRefusedNamingSizeAndLimit() throws Exception {
        String padding = " ".repeat((int) BoundedFiles.ONE_MIB);
        Files.writeString(file(), ONE_ROW + padding);
        ServicesRegistry registry = new ServicesRegistry(file());
        ServicesFileException e = assertThrows(ServicesFileException.class, registry::readStrict);
        String size = String.valueOf(Files.size(file()));
        assertTrue(e.getMessage().startsWith(file() + ": is " + size + " bytes, over the 1 MiB (1048576 bytes) limit"),
                e.getMessage());
        assertTrue(registry.readLenient().unusable().isPresent());
        assertEquals(List.of(), registry.readLenient().entries());
    }

    @Test
    void aFifoServicesJsonEnvOrModuleJsonIsAnErrorNotAHang() throws Exception {
        Path fifo = mkfifo(file());
        ServicesRegistry registry = new ServicesRegistry(fifo);
        ServicesFileException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ServicesFileException.class, registry::readStrict));
        assertTrue(e.getMessage().contains("is a FIFO (named pipe), not a regular file"), e.getMessage());

        Path env = mkfifo(dir.resolve(".env"));
        BoundedFiles.UnreadableFileException envError = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(BoundedFiles.UnreadableFileException.class, () -> EnvFile.load(env)));
        assertEquals(env, envError.file());

        Path installDir = Files.createDirectories(dir.resolve("mod/.parachute")).getParent();
        mkfifo(ModuleManifest.fileIn(installDir));
        ModuleManifestException manifestError = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ModuleManifestException.class, () -> ModuleManifest.read(installDir)));
        assertTrue(manifestError.getMessage().contains("not a regular file"), manifestError.getMessage());
    }

    @Test
    void anEnvFileOverOneMibIsRefused() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "A=" + "x".repeat((int) BoundedFiles.ONE_MIB));
        BoundedFiles.UnreadableFileException e = assertThrows(BoundedFiles.UnreadableFileException.class, () -> EnvFile.load(env));
        assertTrue(e.getMessage().contains("over the 1 MiB (1048576 bytes) limit"), e.getMessage());
    }

    private static Path mkfifo(Path path) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo " + path);
        return path;
    }
}

package computer.parachute.hub.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * sqlite-jdbc unpacks its native library into java.io.tmpdir at every start and then reads both copies back to
 * compare them (JFR: most of the prewarm thread's CPU). The launcher keeps one copy in its private cache beside the
 * unpacked WAR, keyed the same way (the jar entry's CRC and size), and points the driver at it with
 * {@value #PATH_PROPERTY}/{@value #NAME_PROPERTY}, so the driver only {@code System.load}s it. Properties the operator
 * set win; if anything here fails, or the cached file does not load, the driver unpacks as before.
 */
final class SqliteNativeLibrary {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final String LOADER_UTIL = "org.sqlite.util.LibraryLoaderUtil";

    private SqliteNativeLibrary() {}

    /** Sets the driver's properties to the cached library (unpacking it once); the library's path, when it did. */
    static Optional<Path> useCached(Path cacheRoot) {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return Optional.empty();
        }
        try {
            Class<?> util = Class.forName(LOADER_UTIL, true, SqliteNativeLibrary.class.getClassLoader());
            String folder = (String) util.getMethod("getNativeLibResourcePath").invoke(null);
            String name = (String) util.getMethod("getNativeLibName").invoke(null);
            URL resource = SqliteNativeLibrary.class.getResource(folder + "/" + name);
            if (resource == null) {
                return Optional.empty(); // no bundled library for this OS/arch: the driver's own search
            }
            Path library = cached(cacheRoot, resource, name);
            System.setProperty(PATH_PROPERTY, library.getParent().toString());
            System.setProperty(NAME_PROPERTY, name);
            return Optional.of(library);
        } catch (ReflectiveOperationException | LinkageError | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path cached(Path cacheRoot, URL resource, String name) throws IOException {
        EmbeddedWar.requirePrivate(cacheRoot);
        Path dir = cacheRoot.resolve("sqlite-native-" + EmbeddedWar.key(resource));
        Path library = dir.resolve(name);
        long size = resource.openConnection().getContentLengthLong();
        if (Files.isRegularFile(library) && Files.size(library) == size) {
            return library;
        }
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(EmbeddedWar.OWNER_ONLY));
        }
        // complete before it has its name: a launcher racing this one loads either copy, never half of one
        Path temp = Files.createTempFile(dir, name, ".tmp");
        try (InputStream in = resource.openStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return library;
    }
}

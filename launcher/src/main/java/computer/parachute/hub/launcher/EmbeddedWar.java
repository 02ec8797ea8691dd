package computer.parachute.hub.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The hub WAR travels inside launcher.jar, and Jetty cannot open a WAR nested in a jar (STACK trap 4), so it is
 * unpacked once into a cache directory keyed by the WAR's bytes and reused by later launches; unpacking per launch
 * would cost start-up time. The directory appears by an atomic rename only when complete, and lists its files with
 * their sizes so a cache partly cleaned by a tmp reaper is noticed and unpacked again.
 */
final class EmbeddedWar {
    static final String RESOURCE = "/computer/parachute/hub/launcher/hub.war";
    static final String LISTING = ".parachute-war-files";
    private static final int MAX_ENTRIES = 10_000;
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private EmbeddedWar() {}

    /** The exploded WAR under {@code cacheRoot}, unpacking it first when absent or damaged. */
    static Path explode(Path cacheRoot) throws IOException {
        URL war = EmbeddedWar.class.getResource(RESOURCE);
        if (war == null) {
            throw new IOException("launcher.jar has no " + RESOURCE + "; rebuild it with `mvn package`");
        }
        Path dir = cacheRoot.resolve("hub-war-" + key(war));
        requirePrivate(cacheRoot);
        if (isComplete(dir)) {
            return dir;
        }
        Path temp = Files.createTempDirectory(cacheRoot, dir.getFileName() + ".tmp-");
        try {
            unpack(war, temp);
            if (Files.exists(dir)) {
                TreeDeletion.delete(dir); // damaged: some files were removed from under it
            }
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!isComplete(dir)) { // another launcher may have won the race with a complete copy
                throw e;
            }
        } finally {
            TreeDeletion.delete(temp);
        }
        return dir;
    }

    /**
     * The hub loads classes from this directory, and it sits in a shared tmp dir: it must be ours and writable by no
     * one else, or another local user could plant classes in it.
     */
    static void requirePrivate(Path cacheRoot) throws IOException {
        if (!Files.exists(cacheRoot)) {
            Files.createDirectories(cacheRoot, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        UserPrincipal me = cacheRoot.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!Files.getOwner(cacheRoot, LinkOption.NOFOLLOW_LINKS).equals(me)
                || !Collections.disjoint(WRITABLE_BY_OTHERS,
                        Files.getPosixFilePermissions(cacheRoot, LinkOption.NOFOLLOW_LINKS))) {
            throw new IOException(cacheRoot + " is not a private directory of " + me.getName()
                    + "; remove it, or point -Djava.io.tmpdir somewhere private");
        }
    }

    /** Cheap when the WAR is a jar entry: its CRC and size from the jar's directory; else a hash of its bytes. */
    static String key(URL war) throws IOException {
        URLConnection connection = war.openConnection();
        if (connection instanceof JarURLConnection jar) {
            ZipEntry entry = jar.getJarEntry();
            return Long.toHexString(entry.getCrc()) + "-" + entry.getSize();
        }
        try (InputStream in = war.openStream()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void unpack(URL war, Path target) throws IOException {
        List<String> listing = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(war.openStream())) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (listing.size() >= MAX_ENTRIES) {
                    throw new IOException(RESOURCE + " has more than " + MAX_ENTRIES + " entries");
                }
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException(RESOURCE + " has an entry outside the webapp: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                long size = Files.copy(zip, file);
                listing.add(size + " " + entry.getName());
            }
        }
        Files.write(target.resolve(LISTING), listing, StandardCharsets.UTF_8);
    }

    private static boolean isComplete(Path dir) {
        Path listing = dir.resolve(LISTING);
        if (!Files.isRegularFile(listing)) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(listing, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                Path file = dir.resolve(line.substring(space + 1));
                if (!Files.isRegularFile(file) || Files.size(file) != Long.parseLong(line.substring(0, space))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Recursive delete of a directory this class created; bounded by the WAR's entry count. */
    static final class TreeDeletion {
        private TreeDeletion() {}

        static void delete(Path root) throws IOException {
            if (!Files.exists(root)) {
                return;
            }
            try (var paths = Files.walk(root)) {
                paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).limit(MAX_ENTRIES * 2L).forEach(path -> {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}

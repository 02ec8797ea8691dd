package computer.parachute.hub.core.home;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 9: sshd-style StrictModes over PARACHUTE_HOME, on real files with real modes and owners. */
class StrictModesTest {
    /** An unprivileged uid that owns nothing here ("nobody" on Debian and macOS alike). */
    private static final int OTHER_UID = 65534;

    @TempDir Path dir;

    private HubHome home() {
        return new HubHome(dir.resolve("home"));
    }

    @Test
    void aMissingHomeIsCreatedOwnerOnly() throws Exception {
        StrictModes.Report report = StrictModes.enforce(home());
        assertEquals("rwx------", mode(home().root()));
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void aGroupWritableHomeIsRefusedNamingThePathAndTheChmod() throws Exception {
        Path root = Files.createDirectories(home().root());
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxr-x"));
        UnsafeHomeException e = assertThrows(UnsafeHomeException.class, () -> StrictModes.enforce(home()));
        assertEquals("refusing to start: " + root + " is writable by group/others (mode 0775), so another user could read"
                + " the hub's signing key or change what it runs — run: chmod 700 " + root, e.getMessage());
        assertEquals("rwxrwxr-x", mode(root), "a refused home is left as it was");
    }

    @Test
    void aWorldWritableHubDbOrWalIsRefused() throws Exception {
        for (String name : List.of("hub.db", "hub.db-wal", "hub.db-shm", "services.json")) {
            Path root = Files.createDirectories(home().root());
            Path file = Files.writeString(root.resolve(name), "x");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
            UnsafeHomeException e = assertThrows(UnsafeHomeException.class, () -> StrictModes.enforce(home()));
            assertTrue(e.getMessage().endsWith("— run: chmod 600 " + file), e.getMessage());
            assertEquals(file, e.path());
            Files.delete(file);
        }
    }

    @Test
    void readableFilesTheHubOwnsAreTightenedAndReported() throws Exception {
        Path root = Files.createDirectories(home().root());
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path db = Files.writeString(root.resolve("hub.db"), "x");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Path log = Files.createDirectories(root.resolve("vault/logs")).resolve("vault.log");
        Files.writeString(log, "line\n");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(log.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));

        StrictModes.Report report = StrictModes.enforce(home());

        assertEquals("rwx------", mode(root));
        assertEquals("rw-------", mode(db));
        assertEquals("rw-------", mode(log));
        assertEquals("rwx------", mode(log.getParent()));
        assertTrue(report.fixed().contains("tightened " + db + " from 0644 to 0600 (the hub's files are the owner's alone)"),
                report.fixed().toString());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void aHubDbOwnedByAnotherUserIsRefusedWithTheChown() throws Exception {
        Path root = Files.createDirectories(home().root());
        Path db = Files.writeString(root.resolve("hub.db"), "x");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-------"));
        assumeTrue(chown(db), "changing a file's owner needs root (CI runs as root)");
        UnsafeHomeException e = assertThrows(UnsafeHomeException.class, () -> StrictModes.enforce(home()));
        assertTrue(e.getMessage().startsWith("refusing to start: " + db + " is owned by "), e.getMessage());
        assertTrue(e.getMessage().contains("(uid " + OTHER_UID + "), not by the user running the hub"), e.getMessage());
        assertTrue(e.getMessage().contains("— run: sudo chown " + ProcessUser.name() + " " + db), e.getMessage());
    }

    @Test
    void aReadableFileOfAnotherUserIsNamedWithTheChmodNotChanged() throws Exception {
        Path root = Files.createDirectories(home().root());
        Path log = Files.createDirectories(root.resolve("hub/logs")).resolve("hub.log");
        Files.writeString(log, "x");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        assumeTrue(chown(log), "changing a file's owner needs root (CI runs as root)");
        StrictModes.Report report = StrictModes.enforce(home());
        assertEquals("rw-r--r--", mode(log));
        assertEquals(List.of(log + " is open to group/others (mode 0644) and belongs to another user, so the hub cannot"
                + " tighten it — run: sudo chmod go-rwx " + log), report.warnings());
    }

    @Test
    void aPathWithASpaceIsQuotedInTheCommand() throws Exception {
        HubHome spaced = new HubHome(dir.resolve("my home"));
        Files.createDirectories(spaced.root());
        Files.setPosixFilePermissions(spaced.root(), PosixFilePermissions.fromString("rwxrwxrwx"));
        UnsafeHomeException e = assertThrows(UnsafeHomeException.class, () -> StrictModes.enforce(spaced));
        assertTrue(e.getMessage().endsWith("— run: chmod 700 '" + spaced.root() + "'"), e.getMessage());
    }

    @Test
    void anOpenParentWithoutTheStickyBitIsNamedWithTheChmod() throws Exception {
        Path open = Files.createDirectories(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        HubHome inside = new HubHome(open.resolve("home"));
        assertEquals(List.of(open + ", a parent of PARACHUTE_HOME, is writable by group/others (mode 0777), so another"
                + " user could replace the home — run: chmod go-w " + open), StrictModes.enforce(inside).warnings());

        Files.setAttribute(open, "unix:mode", 01777); // like /tmp: others may not rename what they do not own
        assertEquals(List.of(), StrictModes.enforce(inside).warnings());
    }

    private static boolean chown(Path path) throws Exception {
        if (ProcessUser.uid() != 0) {
            return false;
        }
        Files.setAttribute(path, "unix:uid", OTHER_UID);
        return true;
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}

package computer.parachute.hub.core.home;

import computer.parachute.hub.core.fs.PrivateFiles;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * sshd's StrictModes for PARACHUTE_HOME (DESIGN §12), run before the hub opens anything in it. The hub refuses to
 * start when the home, hub.db (with its -wal/-shm/-journal) or services.json is writable by group/others or owned by
 * another user: whoever can write them can read the signing key or have a command of theirs run as the hub's user.
 * Anything else under the home that group/others can read is tightened when the hub owns it (dirs 0700, files
 * 0600, reported as a note) and reported with the chmod to run when it cannot be.
 * Module directories live elsewhere ({@code installDir}) and are never touched; only the home's top three levels
 * ({@code <short>/logs/<short>.log}, {@code hub/run/hub.pid}) are walked, without following links.
 */
public final class StrictModes {
    private static final int MAX_DEPTH = 3;
    private static final int MAX_ENTRIES = 10_000;
    private static final Set<PosixFilePermission> GROUP_OTHER_WRITE =
            EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    private static final Set<PosixFilePermission> GROUP_OTHER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final int STICKY_BIT = 01000;
    private static final int GROUP_OTHER_WRITE_BITS = 0022;
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./@%+=:,-]+");

    /** What was changed ({@code fixed}) and what the operator should change ({@code warnings}); one line each. */
    public record Report(List<String> fixed, List<String> warnings) {}

    private final HubHome home;
    private final long ownUid;
    private final List<String> fixed = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private StrictModes(HubHome home, long ownUid) {
        this.home = home;
        this.ownUid = ownUid;
    }

    /** Creates the home (0700) when absent, then checks and tightens it; throws when the hub must not start. */
    public static Report enforce(HubHome home) throws UnsafeHomeException, IOException {
        if (!PrivateFiles.posix()) {
            return new Report(List.of(), List.of());
        }
        PrivateFiles.createDirectories(home.root());
        StrictModes check = new StrictModes(home, ProcessUser.uid());
        check.refuseUnsafe(home.root(), "700");
        for (Path critical : criticalFiles(home)) {
            check.refuseUnsafe(critical, "600");
        }
        check.tightenTree();
        check.warnAboutOpenParents();
        return new Report(List.copyOf(check.fixed), List.copyOf(check.warnings));
    }

    private static List<Path> criticalFiles(HubHome home) {
        List<Path> files = new ArrayList<>(home.hubDbFiles());
        files.add(home.servicesJson());
        return files;
    }

    /** Refuses a foreign owner or group/other write (links followed: a symlinked services.json is judged by its target). */
    private void refuseUnsafe(Path path, String wantedMode) throws UnsafeHomeException, IOException {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            return;
        }
        long owner = uidOf(path);
        if (owner != ownUid) {
            throw new UnsafeHomeException(path, "refusing to start: " + path + " is owned by " + attributes.owner().getName()
                    + " (uid " + owner + "), not by the user running the hub (uid " + ownUid + ") — run: sudo chown "
                    + ProcessUser.name() + " " + quote(path) + " (or point PARACHUTE_HOME elsewhere)");
        }
        Set<PosixFilePermission> mode = attributes.permissions();
        if (mode.stream().anyMatch(GROUP_OTHER_WRITE::contains)) {
            throw new UnsafeHomeException(path, "refusing to start: " + path + " is writable by group/others (mode "
                    + octal(mode) + "), so another user could read the hub's signing key or change what it runs — run: chmod "
                    + wantedMode + " " + quote(path));
        }
    }

    /**
     * A parent directory others may write (without the sticky bit) lets them rename the home away and put their own
     * in its place; the hub cannot fix a directory above its home, so this is a warning with the chmod, as sshd names
     * it (sshd refuses; a warning keeps hubs on shared build machines running while telling the operator).
     */
    private void warnAboutOpenParents() {
        for (Path parent = home.root().getParent(); parent != null; parent = parent.getParent()) {
            try {
                int mode = (Integer) Files.getAttribute(parent, "unix:mode");
                boolean sticky = (mode & STICKY_BIT) != 0;
                if ((mode & GROUP_OTHER_WRITE_BITS) != 0 && !sticky) {
                    warnings.add(parent + ", a parent of PARACHUTE_HOME, is writable by group/others (mode "
                            + String.format("%04o", mode & 07777) + "), so another user could replace the home — run: chmod go-w "
                            + quote(parent));
                }
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return; // an unreadable parent: nothing to say about it
            }
        }
    }

    private void tightenTree() throws IOException {
        int[] seen = {0};
        Files.walkFileTree(home.root(), Set.<FileVisitOption>of(), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                tighten(dir, true);
                return ++seen[0] > MAX_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() || (attrs.isDirectory())) {
                    tighten(file, attrs.isDirectory());
                }
                return ++seen[0] > MAX_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                warnings.add(file + " could not be checked (" + e.getMessage() + ")");
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Drops every group/other bit of a file or directory the hub owns; names the chmod for one it cannot change. */
    private void tighten(Path path, boolean directory) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (mode.stream().noneMatch(GROUP_OTHER::contains)) {
                return;
            }
            Set<PosixFilePermission> tightened = EnumSet.noneOf(PosixFilePermission.class);
            tightened.addAll(mode);
            tightened.removeAll(GROUP_OTHER);
            if (uidOf(path) != ownUid) {
                warnings.add(path + " is open to group/others (mode " + octal(mode) + ") and belongs to another user, so the hub"
                        + " cannot tighten it — run: sudo chmod go-rwx " + quote(path));
                return;
            }
            Files.setPosixFilePermissions(path, tightened);
            fixed.add("tightened " + path + " from " + octal(mode) + " to " + octal(tightened)
                    + " (the hub's " + (directory ? "directories" : "files") + " are the owner's alone)");
        } catch (IOException | UnsupportedOperationException e) {
            warnings.add(path + " is open to group/others and could not be tightened (" + e.getMessage()
                    + ") — run: chmod go-rwx " + quote(path));
        }
    }

    private static long uidOf(Path path) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:uid")).longValue();
    }

    static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission p : mode) {
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", bits);
    }

    static String quote(Path path) {
        String text = path.toString();
        return SHELL_SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}

package computer.parachute.hub.cli.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges one path against DESIGN §12 (directories 0700, files 0600): group/other write is a {@code fail} (the hub
 * refuses to start on it), any other group/other bit a {@code warn}; the fix is the chmod, safe to apply.
 */
final class OwnerOnlyModes {
    private static final Set<PosixFilePermission> WRITE_BY_OTHERS =
            EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private OwnerOnlyModes() {}

    /** Empty when the path does not exist (another check says so when it matters). */
    static Optional<Finding> judge(String id, Path path, boolean directory) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        String wanted = directory ? "rwx------" : "rw-------";
        String octal = directory ? "700" : "600";
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of(Finding.warn(id, "cannot read the mode of " + path + ": " + e.getMessage(),
                    "ls -ld " + path));
        }
        String actual = PosixFilePermissions.toString(mode);
        String fix = "chmod " + octal + " " + path;
        SafeFix chmod = context -> {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(wanted));
            return "chmod " + octal + " " + path;
        };
        if (mode.stream().anyMatch(WRITE_BY_OTHERS::contains)) {
            return Optional.of(Finding.fail(id, path + " is " + actual + ": others can write it (the hub refuses to start)", fix)
                    .fixable(chmod));
        }
        boolean others = mode.stream().anyMatch(p -> !List.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE).contains(p));
        if (others) {
            return Optional.of(Finding.warn(id, path + " is " + actual + ", not owner-only (" + wanted + ")", fix).fixable(chmod));
        }
        return Optional.of(Finding.ok(id, path + " is owner-only (" + actual + ")"));
    }
}

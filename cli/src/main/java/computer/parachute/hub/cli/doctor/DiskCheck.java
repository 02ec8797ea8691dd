package computer.parachute.hub.cli.doctor;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Free space where the hub and module logs are written (the home's file system). */
final class DiskCheck implements Check {
    static final long FAIL_BELOW = 100L * 1024 * 1024;
    static final long WARN_BELOW = 1024L * 1024 * 1024;

    @Override public String id() { return "disk.logs"; }

    @Override
    public List<Finding> run(DoctorContext context) {
        Path where = context.home().root().toAbsolutePath();
        while (where != null && !Files.exists(where)) {
            where = where.getParent();
        }
        if (where == null) {
            return List.of(Finding.warn(id(), "no existing directory above " + context.home().root(), "mkdir -p " + context.home().root()));
        }
        try {
            FileStore store = Files.getFileStore(where);
            long free = store.getUsableSpace();
            String message = mib(free) + " MiB free for logs on " + store + " (" + where + ")";
            if (free < FAIL_BELOW) {
                return List.of(Finding.fail(id(), message, "free space on " + store + " (e.g. remove old *.log.N files under " + context.home().root() + ")"));
            }
            if (free < WARN_BELOW) {
                return List.of(Finding.warn(id(), message, "free space on " + store));
            }
            return List.of(Finding.ok(id(), message));
        } catch (IOException e) {
            return List.of(Finding.warn(id(), "cannot read free space of " + where + ": " + e.getMessage(), "df -h " + where));
        }
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }
}

package computer.parachute.hub.core.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A child's PATH: the base PATH with the usual tool directories that exist on this machine appended, without
 * duplicates. Service managers start the hub with a minimal PATH that hides operator tools (reference §9.2 #546).
 */
public final class ToolPath {
    /** Relative to the user's home. */
    static final List<String> HOME_TOOL_DIRS = List.of(".local/bin", ".bun/bin", ".cargo/bin", ".deno/bin", "go/bin");
    static final List<String> SYSTEM_TOOL_DIRS = List.of("/usr/local/bin", "/opt/homebrew/bin", "/usr/bin", "/bin");

    private final String hubPath;
    private final String userHome;
    private final Predicate<Path> isDirectory;

    /** {@code hubPath} is the hub's own PATH (may be null); {@code isDirectory} is the file-system check. */
    public ToolPath(String hubPath, String userHome, Predicate<Path> isDirectory) {
        this.hubPath = hubPath == null ? "" : hubPath;
        this.userHome = userHome;
        this.isDirectory = Objects.requireNonNull(isDirectory, "isDirectory");
    }

    /** The hub process's PATH and home, checking the real file system. */
    public static ToolPath ofThisProcess() {
        return new ToolPath(System.getenv("PATH"), System.getProperty("user.home"), Files::isDirectory);
    }

    /** {@code base} (the hub's PATH when null) plus every existing tool dir not already on it. */
    public String enrich(String base) {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : (base == null ? hubPath : base).split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        for (Path dir : candidates()) {
            if (isDirectory.test(dir)) {
                entries.add(dir.toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private List<Path> candidates() {
        List<Path> dirs = new ArrayList<>();
        if (userHome != null && !userHome.isBlank()) {
            HOME_TOOL_DIRS.forEach(dir -> dirs.add(Path.of(userHome, dir)));
        }
        SYSTEM_TOOL_DIRS.forEach(dir -> dirs.add(Path.of(dir)));
        return dirs;
    }
}

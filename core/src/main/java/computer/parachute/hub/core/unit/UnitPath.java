package computer.parachute.hub.core.unit;

import computer.parachute.hub.core.process.ToolPath;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The PATH written into the hub unit, chosen on purpose instead of frozen from whatever shell ran
 * {@code hub install} (a sudo PATH, a login PATH with games, a venv): the operator's extra directories first, then
 * the JDK's bin, the usual tool directories that exist for the hub's user (~/.local/bin, ~/.cargo/bin, ...), then
 * the system directories. Modules inherit it (the supervisor enriches it again per child).
 */
public final class UnitPath {
    /** The environment variable that, like {@code --path}, puts directories in front. */
    public static final String EXTRA_ENV = "PARACHUTE_UNIT_PATH";
    static final List<String> SYSTEM_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private UnitPath() {}

    /**
     * @param extra    colon-separated directories to put first (may be empty)
     * @param javaBin  the java the unit runs; its directory joins the PATH
     * @param userHome the home of the user the hub runs as (for ~/.local/bin and friends)
     */
    public static String compose(String extra, Path javaBin, String userHome) {
        return compose(extra, javaBin, userHome, Files::isDirectory);
    }

    static String compose(String extra, Path javaBin, String userHome, Predicate<Path> isDirectory) {
        Set<String> dirs = new LinkedHashSet<>();
        for (String dir : (extra == null ? "" : extra).split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                dirs.add(dir.strip());
            }
        }
        if (javaBin != null && javaBin.getParent() != null) {
            dirs.add(javaBin.getParent().toString());
        }
        // ToolPath appends the tool dirs that exist (home ones first), skipping what is already there
        String withTools = new ToolPath("", userHome, isDirectory).enrich(String.join(File.pathSeparator, dirs));
        Set<String> all = new LinkedHashSet<>(List.of(withTools.split(File.pathSeparator)));
        all.addAll(SYSTEM_DIRS);
        all.remove("");
        return String.join(File.pathSeparator, all);
    }
}

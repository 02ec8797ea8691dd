package computer.parachute.hub.core.unit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Chooses the JVM the hub runs on, in one fixed order so the unit file, {@code start hub} and {@code serve} agree:
 * <ol>
 *   <li>{@value HubJava#JAVA_ENV}: a java binary or a JDK home; when set it must work (no silent fallback);</li>
 *   <li>a JDK {@value HubJava#AOT_CACHE_FEATURE}+ — {@code JAVA_HOME} first, then the usual install directories
 *       ({@code /usr/lib/jvm/*}, ...), highest version first, then by name — because the hub starts about a quarter
 *       faster on it with its AOT cache than on 17 with the AppCDS archive (README, "Which JVM");</li>
 *   <li>{@code java} on {@code PATH};</li>
 *   <li>the JVM running this code.</li>
 * </ol>
 * Versions come from each installation's {@code release} file; nothing is executed.
 */
public final class HubJavaFinder {
    /** Where package managers and installers put JDKs (each child is one JDK home; macOS ones under Contents/Home). */
    public static final List<Path> JDK_DIRECTORIES = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/lib64/jvm"),
            Path.of("/usr/local/lib/jvm"), Path.of("/opt/java"), Path.of("/Library/Java/JavaVirtualMachines"));
    static final int MAX_JDK_DIRS = 200;
    private static final String MAC_HOME = "Contents/Home";

    private final Map<String, String> env;
    private final List<Path> jdkDirectories;
    private final Path currentJavaHome;

    public HubJavaFinder(Map<String, String> env, List<Path> jdkDirectories, Path currentJavaHome) {
        this.env = env;
        this.jdkDirectories = List.copyOf(jdkDirectories);
        this.currentJavaHome = currentJavaHome;
    }

    /** The production finder: this process's environment view, the usual directories, this JVM. */
    public static HubJavaFinder of(Map<String, String> env) {
        return new HubJavaFinder(env, JDK_DIRECTORIES, Path.of(System.getProperty("java.home")));
    }

    /**
     * The hub's JVM.
     *
     * @throws IllegalArgumentException when {@value HubJava#JAVA_ENV} names no runnable java (the message says how
     *                                  to fix it)
     */
    public HubJava find() {
        boolean cache = HubJava.cacheWanted(env.get(HubJava.CACHE_ENV));
        String explicit = env.get(HubJava.JAVA_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return HubJava.probe(explicitJava(explicit.strip()), HubJava.JAVA_ENV, cache);
        }
        Optional<HubJava> modern = modernJdk(cache);
        if (modern.isPresent()) {
            return modern.get();
        }
        Optional<Path> onPath = onPath();
        if (onPath.isPresent()) {
            return HubJava.probe(onPath.get(), "java on PATH", cache);
        }
        return new HubJava(javaIn(currentJavaHome), Runtime.version().feature(), "the JVM running parachute", cache);
    }

    private Path explicitJava(String value) {
        Path given = Path.of(value);
        if (!given.isAbsolute()) {
            throw new IllegalArgumentException(HubJava.JAVA_ENV + "=" + value + " is not an absolute path — set it to "
                    + "a java binary or a JDK directory, e.g. /usr/lib/jvm/temurin-25-jdk-amd64");
        }
        Path bin = Files.isDirectory(given) ? javaIn(given) : given;
        if (!Files.isRegularFile(bin) || !Files.isExecutable(bin)) {
            throw new IllegalArgumentException(HubJava.JAVA_ENV + "=" + value + " is not a runnable java ("
                    + bin + " is missing or not executable) — fix it, or unset it to let parachute choose");
        }
        return bin;
    }

    private Optional<HubJava> modernJdk(boolean cache) {
        String javaHome = env.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank() && Path.of(javaHome.strip()).isAbsolute()) {
            Path bin = javaIn(Path.of(javaHome.strip()));
            Optional<HubJava> found = modern(bin, "JAVA_HOME", cache);
            if (found.isPresent()) {
                return found;
            }
        }
        for (Path dir : jdkDirectories) {
            List<HubJava> inDir = new ArrayList<>();
            Set<Path> seen = new HashSet<>(); // /usr/lib/jvm has alias links to the same JDK
            for (Path home : children(dir)) {
                for (Path candidate : List.of(home, home.resolve(MAC_HOME))) {
                    Path bin = javaIn(candidate);
                    if (realPath(bin).map(seen::add).orElse(false)) {
                        modern(bin, "in " + dir, cache).ifPresent(inDir::add);
                    }
                }
            }
            Optional<HubJava> best = inDir.stream().min(Comparator.comparingInt(HubJava::feature).reversed()
                    .thenComparing(java -> java.bin().toString()));
            if (best.isPresent()) {
                HubJava java = best.get();
                return Optional.of(new HubJava(java.bin(), java.feature(), "JDK " + java.feature() + " " + java.source(),
                        cache));
            }
        }
        return Optional.empty();
    }

    private static Optional<HubJava> modern(Path bin, String source, boolean cache) {
        if (!Files.isRegularFile(bin) || !Files.isExecutable(bin)) {
            return Optional.empty();
        }
        HubJava java = HubJava.probe(bin, source, cache);
        return java.feature() >= HubJava.AOT_CACHE_FEATURE ? Optional.of(java) : Optional.empty();
    }

    private Optional<Path> onPath() {
        String path = env.get("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty() || !Path.of(entry).isAbsolute()) {
                continue; // a relative PATH entry would make the unit depend on its working directory
            }
            Path bin = Path.of(entry, "java");
            if (Files.isRegularFile(bin) && Files.isExecutable(bin)) {
                return Optional.of(bin);
            }
        }
        return Optional.empty();
    }

    /** Sorted, so the same tree always gives the same answer; bounded. */
    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().limit(MAX_JDK_DIRS).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Optional<Path> realPath(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path javaIn(Path home) {
        return home.resolve("bin").resolve("java");
    }
}

package computer.parachute.hub.core.unit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The JVM the hub runs on, as chosen by {@link HubJavaFinder}: its {@code java} binary, its feature version (it decides
 * which class cache the flags point at: the AppCDS archive below {@value #AOT_CACHE_FEATURE}, the AOT cache from it on),
 * why it was chosen (shown by {@code serve --print-command}), and whether the class cache is used at all
 * ({@value #CACHE_ENV}=off turns it off).
 *
 * @param bin        absolute path of the java executable
 * @param feature    Java feature version (17, 25, ...); {@value #UNKNOWN_FEATURE} when it could not be read
 * @param source     one short phrase: where it was found ("PARACHUTE_JAVA", "JDK 25 in /usr/lib/jvm", ...)
 * @param classCache false when the operator opted out of the archive/cache
 */
public record HubJava(Path bin, int feature, String source, boolean classCache) {
    /** An explicit java for the hub: a {@code java} executable or a JDK/JRE home directory. */
    public static final String JAVA_ENV = "PARACHUTE_JAVA";
    /** {@code off} (or 0/false/no): start the hub without its AppCDS archive or AOT cache. */
    public static final String CACHE_ENV = "PARACHUTE_JVM_CACHE";
    /** JEP 483/514: {@code -XX:AOTCache} and the one-step {@code -XX:AOTCacheOutput} training exist from Java 25. */
    public static final int AOT_CACHE_FEATURE = 25;
    public static final int UNKNOWN_FEATURE = 0;
    private static final String RELEASE_VERSION_KEY = "JAVA_VERSION=";
    private static final List<String> OFF_WORDS = List.of("off", "0", "false", "no");

    public HubJava {
        Objects.requireNonNull(bin, "bin");
        Objects.requireNonNull(source, "source");
    }

    /** A java binary whose version is read from its installation's {@code release} file (symlinks followed). */
    public static HubJava probe(Path bin, String source, boolean classCache) {
        return new HubJava(bin, featureOf(bin).orElse(UNKNOWN_FEATURE), source, classCache);
    }

    /** True when this JVM reads the Java 25 AOT cache rather than a JDK 17-style AppCDS archive. */
    public boolean usesAotCache() {
        return feature >= AOT_CACHE_FEATURE;
    }

    /** One line for humans: the binary, its version and why it was chosen. */
    public String describe() {
        return bin + " (Java " + (feature == UNKNOWN_FEATURE ? "version unknown" : feature) + ", " + source
                + (classCache ? "" : ", class cache off by " + CACHE_ENV) + ")";
    }

    /** False when {@code value} of {@value #CACHE_ENV} asks for no cache. */
    static boolean cacheWanted(String value) {
        return value == null || !OFF_WORDS.contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The feature version from {@code <java home>/release} ({@code JAVA_VERSION="25.0.1"}), the home being two levels
     * above the real path of {@code bin/java}. Reads one small file: no JVM is started.
     */
    static Optional<Integer> featureOf(Path bin) {
        try {
            Path home = bin.toRealPath().getParent().getParent();
            if (home == null) {
                return Optional.empty();
            }
            Path release = home.resolve("release");
            if (!Files.isRegularFile(release) || Files.size(release) > 64 * 1024) {
                return Optional.empty();
            }
            for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                if (line.startsWith(RELEASE_VERSION_KEY)) {
                    return parseFeature(line.substring(RELEASE_VERSION_KEY.length()).replace("\"", "").strip());
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** "25.0.1" → 25, "17" → 17, "1.8.0_402" → 8. */
    static Optional<Integer> parseFeature(String version) {
        String[] parts = version.split("[.+_-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return Optional.of(first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

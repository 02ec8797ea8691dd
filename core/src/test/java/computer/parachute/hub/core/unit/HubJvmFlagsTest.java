package computer.parachute.hub.core.unit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class HubJvmFlagsTest {
    @TempDir
    Path dir;

    /** The recommended flags, then C1 only: what a hub without the AOT cache runs with. */
    private static List<String> c1Only() {
        List<String> flags = new ArrayList<>(HubJvmFlags.recommended());
        flags.add(HubJvmFlags.TIERED_STOP_AT_LEVEL_1);
        return flags;
    }

    @Test
    void withoutAnArchiveBesideTheJarTheFlagsAreTheRecommendedOnesAndC1Only() {
        assertEquals(c1Only(), HubJvmFlags.forLauncher(dir.resolve("launcher.jar")));
    }

    @Test
    void anArchiveBesideTheJarIsUsedQuietly() throws Exception {
        Path archive = Files.writeString(dir.resolve(HubJvmFlags.LAUNCHER_ARCHIVE), "x");
        List<String> flags = HubJvmFlags.forLauncher(dir.resolve("launcher.jar"));
        assertEquals(HubJvmFlags.recommended(), flags.subList(0, HubJvmFlags.recommended().size()));
        assertTrue(flags.contains("-XX:SharedArchiveFile=" + archive), flags.toString());
        assertTrue(flags.containsAll(HubJvmFlags.QUIET_CDS), flags.toString());
    }

    /** A stale or foreign archive (rebuilt jar, other JDK) must never stop the hub from starting, nor print warnings. */
    @Test
    void aBrokenArchiveIsIgnoredByThisJvmWithoutOutput() throws Exception {
        Files.writeString(dir.resolve(HubJvmFlags.LAUNCHER_ARCHIVE), "not an archive");
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(HubJvmFlags.forLauncher(dir.resolve("launcher.jar")));
        argv.add("-version");
        Process java = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());
        assertTrue(java.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, java.exitValue(), output);
        assertFalse(output.toLowerCase().contains("cds") || output.toLowerCase().contains("shared"), output);
    }

    private static HubJava java(int feature) {
        return new HubJava(Path.of("/jdk-" + feature + "/bin/java"), feature, "test", true);
    }

    @Test
    void java25AndNewerGetTheAotCacheAndOlderJvmsTheArchive() throws Exception {
        Path archive = Files.writeString(dir.resolve(HubJvmFlags.LAUNCHER_ARCHIVE), "x");
        Path aot = Files.writeString(dir.resolve(HubJvmFlags.LAUNCHER_AOT_CACHE), "x");
        Path jar = dir.resolve("launcher.jar");

        List<String> on25 = HubJvmFlags.forLauncher(jar, java(25));
        assertTrue(on25.contains("-XX:AOTCache=" + aot), on25.toString());
        assertTrue(on25.containsAll(HubJvmFlags.QUIET_AOT), on25.toString());
        assertFalse(on25.stream().anyMatch(flag -> flag.startsWith("-XX:SharedArchiveFile")), on25.toString());

        // C2 only where the AOT cache keeps its start-up cost small (HubJvmFlags.TIERED_STOP_AT_LEVEL_1)
        assertFalse(on25.contains(HubJvmFlags.TIERED_STOP_AT_LEVEL_1), on25.toString());
        assertTrue(on25.contains(HubJvmFlags.TRIM_NATIVE_HEAP_5S), "C2's freed arenas go back: " + on25);

        List<String> on17 = HubJvmFlags.forLauncher(jar, java(17));
        assertTrue(on17.contains("-XX:SharedArchiveFile=" + archive), on17.toString());
        assertTrue(on17.contains(HubJvmFlags.TIERED_STOP_AT_LEVEL_1), on17.toString());
        assertFalse(on17.contains(HubJvmFlags.TRIM_NATIVE_HEAP_5S), "not a flag every Java 17 knows: " + on17);
        assertFalse(on17.stream().anyMatch(flag -> flag.startsWith("-XX:AOTCache")), on17.toString());

        List<String> unknown = HubJvmFlags.forLauncher(jar, java(HubJava.UNKNOWN_FEATURE));
        assertTrue(unknown.contains("-XX:SharedArchiveFile=" + archive), unknown.toString());
    }

    @Test
    void aMissingCacheForTheChosenJvmOrAnOptOutMeansNoCacheFlags() throws Exception {
        Files.writeString(dir.resolve(HubJvmFlags.LAUNCHER_ARCHIVE), "x"); // an archive, but no AOT cache
        Path jar = dir.resolve("launcher.jar");
        assertEquals(c1Only(), HubJvmFlags.forLauncher(jar, java(25)));

        Files.writeString(dir.resolve(HubJvmFlags.LAUNCHER_AOT_CACHE), "x");
        HubJava optedOut = new HubJava(Path.of("/jdk/bin/java"), 25, "test", false);
        assertEquals(c1Only(), HubJvmFlags.forLauncher(jar, optedOut));
        assertEquals(c1Only(), HubJvmFlags.forLauncher(jar,
                new HubJava(Path.of("/jdk/bin/java"), 17, "test", false)));
    }

    @Test
    void theCommandIsJavaThenFlagsThenTheJar() throws Exception {
        Path jar = dir.resolve("launcher.jar");
        List<String> argv = HubJvmFlags.command(java(25), jar);
        assertEquals("/jdk-25/bin/java", argv.get(0));
        assertEquals(HubJvmFlags.forLauncher(jar, java(25)), argv.subList(1, argv.size() - 2));
        assertEquals(List.of("-jar", jar.toString()), argv.subList(argv.size() - 2, argv.size()));
    }

    /** A stale AOT cache (rebuilt jar, other JDK 25 build) must not stop a JDK 25 hub nor print anything. */
    @Test
    void aBrokenAotCacheIsIgnoredByAJdk25WithoutOutput() throws Exception {
        HubJava jdk25;
        try {
            jdk25 = HubJavaFinder.of(Map.of()).find();
        } catch (IllegalArgumentException e) {
            jdk25 = null;
        }
        assumeTrue(jdk25 != null && jdk25.usesAotCache(), "no JDK 25+ on this machine");
        Files.writeString(dir.resolve(HubJvmFlags.LAUNCHER_AOT_CACHE), "not an AOT cache");
        List<String> argv = new ArrayList<>(HubJvmFlags.command(jdk25, dir.resolve("launcher.jar")));
        argv.subList(argv.size() - 2, argv.size()).clear();
        assertTrue(argv.contains("-XX:AOTCache=" + dir.resolve(HubJvmFlags.LAUNCHER_AOT_CACHE)), argv.toString());
        argv.add("-version");
        Process java = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());
        assertTrue(java.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, java.exitValue(), output);
        assertFalse(output.toLowerCase().contains("aot") || output.toLowerCase().contains("error"), output);
    }
}

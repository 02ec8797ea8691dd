package computer.parachute.hub.core.unit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hub's JVM choice over a fake tree of JDK homes (a {@code bin/java} file and a {@code release} file each). */
class HubJavaFinderTest {
    @TempDir
    Path root;

    private final Map<String, String> env = new HashMap<>();

    private Path jdk(String relative, String version) throws IOException {
        Path home = root.resolve(relative);
        Path bin = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(bin, "#!/bin/sh\n");
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (version != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        }
        return home;
    }

    private HubJava find() {
        return new HubJavaFinder(env, List.of(root.resolve("jvm"), root.resolve("mac")), root.resolve("current")).find();
    }

    @Test
    void parachuteJavaWinsOverEverythingAndMayNameAHomeOrABinary() throws IOException {
        jdk("jvm/temurin-26", "26.0.1");
        Path old = jdk("elsewhere/jdk-17", "17.0.15");
        env.put("PARACHUTE_JAVA", old.toString());
        HubJava java = find();
        assertEquals(old.resolve("bin/java"), java.bin());
        assertEquals(17, java.feature());
        assertEquals("PARACHUTE_JAVA", java.source());

        env.put("PARACHUTE_JAVA", old.resolve("bin/java").toString());
        assertEquals(old.resolve("bin/java"), find().bin());
    }

    @Test
    void aParachuteJavaThatDoesNotRunIsAnErrorNamingTheFixNotASilentFallback() throws IOException {
        jdk("jvm/temurin-25", "25.0.3");
        env.put("PARACHUTE_JAVA", root.resolve("missing").toString());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, this::find);
        assertTrue(missing.getMessage().contains("PARACHUTE_JAVA=") && missing.getMessage().contains("unset it"),
                missing.getMessage());

        env.put("PARACHUTE_JAVA", "bin/java");
        IllegalArgumentException relative = assertThrows(IllegalArgumentException.class, this::find);
        assertTrue(relative.getMessage().contains("not an absolute path"), relative.getMessage());
    }

    @Test
    void theNewestJdkInTheUsualDirectoriesWinsOverPathAndTiesGoByName() throws IOException {
        jdk("jvm/java-17-openjdk-amd64", "17.0.15");
        jdk("jvm/zulu-25", "25.0.1");
        Path temurin25 = jdk("jvm/temurin-25-jdk-amd64", "25.0.3");
        Path onPath = jdk("usr", "17.0.15");
        env.put("PATH", onPath.resolve("bin").toString());
        HubJava java = find();
        assertEquals(temurin25.resolve("bin/java"), java.bin());
        assertEquals(25, java.feature());
        assertEquals("JDK 25 in " + root.resolve("jvm"), java.source());

        Path jdk26 = jdk("jvm/a-jdk-26", "26");
        assertEquals(jdk26.resolve("bin/java"), find().bin());
    }

    @Test
    void aliasLinksToOneJdkGiveTheSameAnswerEveryTime() throws IOException {
        Path real = jdk("jvm/java-25-openjdk-amd64", "25.0.2");
        Files.createSymbolicLink(root.resolve("jvm/a-java-1.25.0-alias"), real);
        HubJava first = find();
        assertEquals(first, find());
        assertEquals(25, first.feature());
        assertEquals(real.resolve("bin/java").toRealPath(), first.bin().toRealPath());
    }

    @Test
    void javaHomeIsPreferredWhenItIs25OrNewerAndSkippedWhenOlder() throws IOException {
        jdk("jvm/temurin-25", "25.0.3");
        Path home25 = jdk("opt/my-jdk-25", "25.0.1");
        env.put("JAVA_HOME", home25.toString());
        assertEquals(home25.resolve("bin/java"), find().bin());
        assertEquals("JAVA_HOME", find().source());

        env.put("JAVA_HOME", jdk("opt/jdk-17", "17.0.2").toString());
        assertEquals(root.resolve("jvm/temurin-25/bin/java"), find().bin());
    }

    @Test
    void macOsJdksAreFoundUnderContentsHome() throws IOException {
        Path mac = jdk("mac/temurin-25.jdk/Contents/Home", "25.0.3");
        assertEquals(mac.resolve("bin/java"), find().bin());
    }

    @Test
    void withoutAJdk25TheJavaOnPathIsUsedSkippingRelativeEntries() throws IOException {
        jdk("jvm/java-17-openjdk-amd64", "17.0.15");
        Path relativeLooking = jdk("first", "21");
        Path second = jdk("second", null); // no release file: version unknown, still usable
        env.put("PATH", "bin:" + root.resolve("empty") + ":" + second.resolve("bin") + ":" + relativeLooking.resolve("bin"));
        HubJava java = find();
        assertEquals(second.resolve("bin/java"), java.bin());
        assertEquals(HubJava.UNKNOWN_FEATURE, java.feature());
        assertEquals("java on PATH", java.source());
        assertFalse(java.usesAotCache());
    }

    @Test
    void withNothingElseTheJvmRunningParachuteIsUsed() {
        env.put("PATH", root.resolve("nothing-here").toString());
        HubJava java = find();
        assertEquals(root.resolve("current/bin/java"), java.bin());
        assertEquals(Runtime.version().feature(), java.feature());
    }

    @Test
    void theCacheIsOnUnlessTheOperatorTurnsItOff() throws IOException {
        jdk("jvm/temurin-25", "25.0.3");
        assertTrue(find().classCache());
        for (String off : List.of("off", "0", "false", "NO", " off ")) {
            env.put("PARACHUTE_JVM_CACHE", off);
            assertFalse(find().classCache(), off);
            assertTrue(find().describe().contains("class cache off by PARACHUTE_JVM_CACHE"), find().describe());
        }
        env.put("PARACHUTE_JVM_CACHE", "on");
        assertTrue(find().classCache());
    }

    @Test
    void versionStringsOfEveryShapeGiveTheFeatureNumber() {
        assertEquals(25, HubJava.parseFeature("25.0.1").orElseThrow());
        assertEquals(17, HubJava.parseFeature("17").orElseThrow());
        assertEquals(26, HubJava.parseFeature("26-ea").orElseThrow());
        assertEquals(8, HubJava.parseFeature("1.8.0_402").orElseThrow());
        assertTrue(HubJava.parseFeature("garbage").isEmpty());
    }
}

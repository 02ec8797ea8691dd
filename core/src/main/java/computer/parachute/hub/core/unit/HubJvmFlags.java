package computer.parachute.hub.core.unit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JVM flags the hub is started with, by a unit file and by the CLI's detached and foreground spawns (one source).
 * The hub is a small, long-lived, I/O-bound daemon on a shared machine: these trade peak throughput for start-up
 * time and resident memory. Measured with bench/startup.py and the peer benchmark (bench/README.md).
 */
public final class HubJvmFlags {

    /** One small heap on a 2-core box: serial GC has the lowest footprint and no GC worker threads. */
    public static final String SERIAL_GC = "-XX:+UseSerialGC";

    /**
     * C1 only, for a hub that runs without the Java 25 AOT cache (Java 17 with the AppCDS archive, or no cache): there
     * C2 costs start-up — measured A/B on Java 17 with launcher.jsa: CPU to the first API answer x1.22, RSS x1.20.
     * With the AOT cache the hub gets default tiered compilation: it is every module's front door, so proxied requests
     * are its hot loop. Measured on Java 25, interleaved in one run each, against C1 only (both with
     * {@link #COMPILE_THRESHOLD_SCALING_10}): hub CPU per proxied request 115-120 -> 67-70 us and added p50 latency
     * 0.42 -> 0.25 ms once ~100k requests have gone through (bench/proxy.py --warmup 6); CPU to the first API answer
     * and RSS then x1.00 (bench/startup_ab.py, 9 runs).
     */
    public static final String TIERED_STOP_AT_LEVEL_1 = "-XX:TieredStopAtLevel=1";

    /**
     * C1 compiles a method after 10x the usual invocations: at start-up the one compiler thread used ~45% of the hub's
     * CPU to its first API answer, much of it on code that runs a few hundred times and never again. Measured (bench/
     * startup_ab.py, JDK 25 + AOT cache, interleaved, load 10-12, 3 runs): CPU to the first API answer x0.88-0.95,
     * RSS -2 MB; 25 gave the same CPU and -8 MB RSS, but leaves a once-per-request method interpreted for its first
     * thousands of requests; the status API's p50/p99 over 200 calls showed no difference at either (noise).
     */
    public static final String COMPILE_THRESHOLD_SCALING_10 = "-XX:CompileThresholdScaling=10";

    /** The hub runs many small threads (log pumps, exit watchers); half the default stack each. */
    public static final String THREAD_STACK_512K = "-Xss512k";

    /**
     * Required alongside {@link #MAX_HEAP_FREE_RATIO_30}: the JVM refuses to start when the minimum
     * (default 40) is above the maximum.
     */
    public static final String MIN_HEAP_FREE_RATIO_10 = "-XX:MinHeapFreeRatio=10";

    /** Give heap back to the OS after a burst (boot, big status call): the daemon lives for weeks. */
    public static final String MAX_HEAP_FREE_RATIO_30 = "-XX:MaxHeapFreeRatio=30";

    /**
     * The hub's live set is a few MiB (module records, 64 KiB output rings, request garbage); a small starting heap
     * keeps the young generation, whose every page an allocating JVM touches, from growing RSS to the machine's
     * default (1/64 of RAM). Measured: RSS at first 200 129 MB -> 93 MB on a 24 GB box, no start-up cost; then
     * 16m -> 8m, A/B interleaved on Java 25 with the AOT cache: RSS 94.1 -> 92.1 MB, CPU to the first API answer x0.97.
     */
    public static final String INITIAL_HEAP_8M = "-Xms8m";

    /** A ceiling far above the live set (20 modules' rings are ~1.3 MiB) that still bounds a leak on a shared box. */
    public static final String MAX_HEAP_64M = "-Xmx64m";

    /** No hsperfdata file in /tmp (jstat/jps): one mmap and a page of writes per GC fewer; jcmd still attaches. */
    public static final String NO_PERF_DATA = "-XX:-UsePerfData";

    /**
     * With C2 (the AOT cache branch of {@link #forLauncher(Path, HubJava)}): glibc keeps the arenas C2 frees after a
     * compile burst, so a proxy load left the hub's RSS 35-50 MB higher for good; trimming the native heap every 5 s
     * gives it back. Measured, Java 25: RSS after 32-connection proxy load 167 -> 142-145 MB (C1 only: 129-133 MB);
     * idle RSS with 20 modules 112.3 -> 108.0 MB, idle CPU unchanged. A product flag from Java 21 on (used only where
     * the AOT cache is, so Java 25+).
     */
    public static final String TRIM_NATIVE_HEAP_5S = "-XX:TrimNativeHeapInterval=5000";

    /** sqlite-jdbc loads a native library; newer JDKs warn (and later deny) without this. Java 17 accepts it. */
    public static final String ENABLE_NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /** The AppCDS archive the launcher build writes beside launcher.jar (launcher/pom.xml, CdsTraining). */
    public static final String LAUNCHER_ARCHIVE = "launcher.jsa";

    /**
     * The Java 25 AOT cache the launcher build writes beside launcher.jar when it finds a JDK 25 (CdsTraining): classes
     * loaded and linked, plus the training run's method profiles. Measured on this box: cold start on 25 with it about
     * 0.75x that of 17 with launcher.jsa (README, "Which JVM").
     */
    public static final String LAUNCHER_AOT_CACHE = "launcher.aot";

    /**
     * An archive that does not match this JVM or jar is ignored (the JVM then loads classes as usual); these keep
     * that case from printing CDS warnings into the hub's log on every start.
     */
    public static final List<String> QUIET_CDS = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    /** The same for an AOT cache built for another jar or JDK build (Java 25 logs those under "aot"). */
    public static final List<String> QUIET_AOT = List.of("-Xlog:aot=off", "-Xlog:cds=off");

    private static final List<String> RECOMMENDED = List.of(
            SERIAL_GC,
            COMPILE_THRESHOLD_SCALING_10,
            THREAD_STACK_512K,
            MIN_HEAP_FREE_RATIO_10,
            MAX_HEAP_FREE_RATIO_30,
            INITIAL_HEAP_8M,
            MAX_HEAP_64M,
            NO_PERF_DATA,
            ENABLE_NATIVE_ACCESS);

    private HubJvmFlags() {
    }

    /**
     * The flags every hub gets, in the order they go on the command line, between {@code java} and {@code -jar}; the
     * compiler choice and the class cache depend on the JVM ({@link #forLauncher(Path, HubJava)}).
     */
    public static List<String> recommended() {
        return RECOMMENDED;
    }

    /**
     * {@link #recommended()} plus the launcher's class cache when one sits beside {@code launcherJar}: class loading is
     * most of the hub's start-up, and the cache's pages are shared and mapped instead of parsed. The JVM running this
     * code decides which cache: see {@link #forLauncher(Path, HubJava)}.
     */
    public static List<String> forLauncher(Path launcherJar) {
        return forLauncher(launcherJar, new HubJava(Path.of(System.getProperty("java.home"), "bin", "java"),
                Runtime.version().feature(), "the JVM running parachute", true));
    }

    /**
     * {@link #recommended()} plus the cache that matches {@code java}: the AOT cache ({@value #LAUNCHER_AOT_CACHE}) from
     * Java {@value HubJava#AOT_CACHE_FEATURE}, the AppCDS archive ({@value #LAUNCHER_ARCHIVE}) below it, none when the
     * file is absent or the operator turned the cache off; C1 only ({@value #TIERED_STOP_AT_LEVEL_1}) unless the AOT
     * cache is used. A cache made by another JDK build or for another jar is ignored by the JVM (quietly, with these
     * flags) and the hub starts without it.
     */
    public static List<String> forLauncher(Path launcherJar, HubJava java) {
        List<String> flags = new ArrayList<>(RECOMMENDED);
        Path cache = java.usesAotCache() ? aotCacheFor(launcherJar) : archiveFor(launcherJar);
        boolean cached = java.classCache() && Files.isRegularFile(cache);
        if (cached && java.usesAotCache()) {
            flags.add(TRIM_NATIVE_HEAP_5S);
            flags.add("-XX:AOTCache=" + cache);
            flags.addAll(QUIET_AOT);
            return List.copyOf(flags);
        }
        flags.add(TIERED_STOP_AT_LEVEL_1);
        if (cached) {
            flags.add("-XX:SharedArchiveFile=" + cache);
            flags.addAll(QUIET_CDS);
        }
        return List.copyOf(flags);
    }

    /** The whole argv that runs the hub: {@code java}, its flags, {@code -jar launcher.jar} (unit, detached, serve). */
    public static List<String> command(HubJava java, Path launcherJar) {
        List<String> argv = new ArrayList<>();
        argv.add(java.bin().toString());
        argv.addAll(forLauncher(launcherJar, java));
        argv.add("-jar");
        argv.add(launcherJar.toString());
        return List.copyOf(argv);
    }

    /** Where the AOT cache for {@code launcherJar} lives: the same directory. */
    public static Path aotCacheFor(Path launcherJar) {
        return launcherJar.toAbsolutePath().getParent().resolve(LAUNCHER_AOT_CACHE);
    }

    /** Where the archive for {@code launcherJar} lives: the same directory. */
    public static Path archiveFor(Path launcherJar) {
        Path dir = launcherJar.toAbsolutePath().getParent();
        return dir.resolve(LAUNCHER_ARCHIVE);
    }
}

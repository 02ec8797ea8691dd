package computer.parachute.hub.core.unit;

import java.util.List;

/**
 * JVM flags the hub is started with, by a unit file and by the launcher team's detached spawn.
 * The hub is a small, long-lived, I/O-bound daemon on a shared machine: these trade peak throughput
 * for start-up time and resident memory.
 */
public final class HubJvmFlags {

    /** One small heap on a 2-core box: serial GC has the lowest footprint and no GC worker threads. */
    public static final String SERIAL_GC = "-XX:+UseSerialGC";

    /** C1 only: measured ~40% faster start-up (STACK.md); the hub never runs hot loops that need C2. */
    public static final String TIERED_STOP_AT_LEVEL_1 = "-XX:TieredStopAtLevel=1";

    /** The hub runs many small threads (log pumps, exit watchers); half the default stack each. */
    public static final String THREAD_STACK_512K = "-Xss512k";

    /**
     * Required alongside {@link #MAX_HEAP_FREE_RATIO_30}: the JVM refuses to start when the minimum
     * (default 40) is above the maximum.
     */
    public static final String MIN_HEAP_FREE_RATIO_10 = "-XX:MinHeapFreeRatio=10";

    /** Give heap back to the OS after a burst (boot, big status call): the daemon lives for weeks. */
    public static final String MAX_HEAP_FREE_RATIO_30 = "-XX:MaxHeapFreeRatio=30";

    /** sqlite-jdbc loads a native library; newer JDKs warn (and later deny) without this. Java 17 accepts it. */
    public static final String ENABLE_NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private static final List<String> RECOMMENDED = List.of(
            SERIAL_GC,
            TIERED_STOP_AT_LEVEL_1,
            THREAD_STACK_512K,
            MIN_HEAP_FREE_RATIO_10,
            MAX_HEAP_FREE_RATIO_30,
            ENABLE_NATIVE_ACCESS);

    private HubJvmFlags() {
    }

    /** The flags in the order they go on the command line, between {@code java} and {@code -jar}. */
    public static List<String> recommended() {
        return RECOMMENDED;
    }
}

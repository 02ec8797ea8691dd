package computer.parachute.hub.core.config;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the hub's start-up time goes, without a profiler: with {@value #ENV}=1 the launcher and the WAR mark each phase
 * (JVM start, main, WAR unpacked, Jetty built, port bound, webapp configured, hub.db open, keys, Jersey, Jetty started,
 * first request answered) and the first answered request prints the breakdown to stderr, in ms since the JVM started,
 * with the CPU time (user + system, all threads) the process had used by each mark: on a loaded box wall time swings
 * several-fold between launches, CPU time far less.
 * Off (the default) every call returns at once. One instance per JVM: core is loaded parent-first, so the launcher and
 * the WAR share it.
 */
public final class StartupTrace {
    public static final String ENV = "PARACHUTE_STARTUP_TRACE";
    static final int MAX_MARKS = 64;
    private static final boolean PROCESS_ENABLED = enabledBy(System.getenv(ENV));
    private static final StartupTrace PROCESS = new StartupTrace(PROCESS_ENABLED,
            PROCESS_ENABLED ? jvmStartNanos() : 0, System.err);

    private final boolean enabled;
    private final long originNanos;
    private final PrintStream out;
    private final List<String> names = new ArrayList<>();
    private final List<Long> nanos = new ArrayList<>();
    private final List<Long> cpuMillis = new ArrayList<>();
    private boolean printed;

    StartupTrace(boolean enabled, long originNanos, PrintStream out) {
        this.enabled = enabled;
        this.originNanos = originNanos;
        this.out = out;
    }

    /** The process-wide trace. */
    public static StartupTrace process() {
        return PROCESS;
    }

    public static void mark(String phase) {
        PROCESS.record(phase);
    }

    public static boolean enabled() {
        return PROCESS.enabled;
    }

    static boolean enabledBy(String value) {
        return value != null && List.of("1", "true", "yes", "on").contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** Records {@code phase} as done now (thread-safe; bounded; no-op when off). */
    public void record(String phase) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        long cpu = ProcStat.processCpuMillis();
        synchronized (this) {
            if (names.size() < MAX_MARKS) {
                names.add(phase);
                nanos.add(now);
                cpuMillis.add(cpu);
            }
        }
    }

    /** Records the last phase and prints the table, once. */
    public void finish(String phase) {
        if (!enabled) {
            return;
        }
        record(phase);
        String table;
        synchronized (this) {
            if (printed) {
                return;
            }
            printed = true;
            table = table();
        }
        out.print(table);
        out.flush();
    }

    synchronized String table() {
        StringBuilder text = new StringBuilder("parachute hub: start-up trace (ms since the JVM started; +ms since the"
                + " previous mark; process CPU ms by then, -1 where /proc is missing)\n");
        long previous = originNanos;
        text.append(String.format(Locale.ROOT, "  %6d %+6d  cpu %5d  %s%n", 0, 0, 0, "JVM start"));
        for (int i = 0; i < names.size(); i++) {
            long at = nanos.get(i);
            text.append(String.format(Locale.ROOT, "  %6d %+6d  cpu %5d  %s%n", millis(at - originNanos),
                    millis(at - previous), cpuMillis.get(i), names.get(i)));
            previous = at;
        }
        return text.toString();
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    /**
     * The JVM's start on the nanoTime scale: the process's age from /proc (clock-tick resolution, ~10 ms); elsewhere
     * from {@code ProcessHandle}'s start instant, which Linux derives from the boot time in whole seconds (up to 1 s
     * off).
     */
    private static long jvmStartNanos() {
        long now = System.nanoTime();
        long age = ProcStat.processAgeNanos();
        if (age >= 0) {
            return now - age;
        }
        return ProcessHandle.current().info().startInstant()
                .map(start -> now - Duration.between(start, Instant.now()).toNanos())
                .orElse(now);
    }
}

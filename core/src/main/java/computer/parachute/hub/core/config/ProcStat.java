package computer.parachute.hub.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's CPU time and age from Linux's /proc, for {@link StartupTrace}; -1 where /proc is missing (macOS).
 * Both come in clock ticks, USER_HZ, which is 100 on every Linux architecture the hub runs on.
 */
final class ProcStat {
    static final long TICKS_PER_SECOND = 100;
    private static final long NANOS_PER_TICK = 1_000_000_000L / TICKS_PER_SECOND;
    private static final Path SELF_STAT = Path.of("/proc/self/stat");
    private static final Path UPTIME = Path.of("/proc/uptime");
    /** Fields after the command name (which may hold spaces): state is 0, utime 11, stime 12, starttime 19. */
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int START_TIME = 19;

    private ProcStat() {}

    /** User + system CPU of every thread so far, in ms; -1 when unknown. */
    static long processCpuMillis() {
        String[] fields = selfStat();
        return fields == null ? -1 : (Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME])) * 1000 / TICKS_PER_SECOND;
    }

    /** Time since the process started, in ns (10 ms resolution); -1 when unknown. */
    static long processAgeNanos() {
        String[] fields = selfStat();
        try {
            if (fields == null) {
                return -1;
            }
            // "<seconds since boot>.<hundredths> <idle>": on the same clock as starttime, unlike the boot time in seconds
            String uptime = Files.readString(UPTIME, StandardCharsets.US_ASCII).split(" ")[0];
            long uptimeTicks = Math.round(Double.parseDouble(uptime) * TICKS_PER_SECOND);
            return (uptimeTicks - Long.parseLong(fields[START_TIME])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String[] selfStat() {
        try {
            String stat = Files.readString(SELF_STAT, StandardCharsets.US_ASCII);
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

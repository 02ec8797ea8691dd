package computer.parachute.hub.supervisor;

import java.time.Duration;

/**
 * The supervisor's numbers (DESIGN §5; reference §2.2). {@link #defaults()} is production; tests shorten some.
 *
 * @param readinessTimeout      post-spawn window for the port to accept (4 s)
 * @param firstProbeDelay       delay before the first readiness probe (0: right after spawn)
 * @param probeIntervalStart    first gap between probes, growing by a quarter each time (1 ms)
 * @param probeIntervalMax      cap on the gap between probes (100 ms)
 * @param reprobeInterval       background re-probe period after an unbound start (1 s)
 * @param reprobeWindow         how long the background re-probe keeps trying (60 s)
 * @param maxCrashes            crashes within the window at which the supervisor gives up (3)
 * @param crashWindow           the budget's sliding window (60 s)
 * @param backoff               respawn delay: immediate, then 500 ms doubling
 * @param stopGrace             SIGTERM to SIGKILL grace (5 s)
 * @param orphanGrace           SIGTERM to SIGKILL grace for an orphan on the module's port (500 ms)
 * @param ringBufferBytes       per-module in-memory log (64 KiB)
 * @param maxLineBytes          a longer line is cut, so output without newlines cannot grow memory (16 KiB)
 * @param logFileMaxBytes       per-module log file rotation size (10 MiB)
 * @param logFileCount          files kept: .log, .log.1, .log.2 (3)
 */
public record SupervisorSettings(
        Duration readinessTimeout, Duration firstProbeDelay, Duration probeIntervalStart, Duration probeIntervalMax,
        Duration reprobeInterval, Duration reprobeWindow, int maxCrashes, Duration crashWindow, Backoff backoff,
        Duration stopGrace, Duration orphanGrace, int ringBufferBytes, int maxLineBytes, long logFileMaxBytes,
        int logFileCount) {

    public static final Duration READINESS_TIMEOUT = Duration.ofSeconds(4);
    public static final Duration REPROBE_INTERVAL = Duration.ofSeconds(1);
    public static final Duration REPROBE_WINDOW = Duration.ofSeconds(60);
    public static final int MAX_CRASHES = 3;
    public static final Duration CRASH_WINDOW = Duration.ofSeconds(60);
    public static final Duration BACKOFF_INITIAL = Duration.ofMillis(500);
    public static final Duration BACKOFF_MAX = Duration.ofSeconds(30);
    public static final Duration STOP_GRACE = Duration.ofSeconds(5);
    public static final Duration ORPHAN_GRACE = Duration.ofMillis(500);
    public static final int RING_BUFFER_BYTES = 64 * 1024;
    public static final int MAX_LINE_BYTES = 16 * 1024;
    public static final long LOG_FILE_MAX_BYTES = 10L * 1024 * 1024;
    public static final int LOG_FILE_COUNT = 3;

    public static SupervisorSettings defaults() {
        return new SupervisorSettings(READINESS_TIMEOUT, Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(100),
                REPROBE_INTERVAL, REPROBE_WINDOW, MAX_CRASHES, CRASH_WINDOW,
                new Backoff(BACKOFF_INITIAL, BACKOFF_MAX), STOP_GRACE, ORPHAN_GRACE, RING_BUFFER_BYTES,
                MAX_LINE_BYTES, LOG_FILE_MAX_BYTES, LOG_FILE_COUNT);
    }

    public SupervisorSettings withReadiness(Duration timeout, Duration reprobeEvery, Duration reprobeFor) {
        return new SupervisorSettings(timeout, firstProbeDelay, probeIntervalStart, probeIntervalMax, reprobeEvery,
                reprobeFor, maxCrashes, crashWindow, backoff, stopGrace, orphanGrace, ringBufferBytes, maxLineBytes,
                logFileMaxBytes, logFileCount);
    }

    public SupervisorSettings withCrashPolicy(int crashes, Duration window, Backoff delays) {
        return new SupervisorSettings(readinessTimeout, firstProbeDelay, probeIntervalStart, probeIntervalMax,
                reprobeInterval, reprobeWindow, crashes, window, delays, stopGrace, orphanGrace, ringBufferBytes,
                maxLineBytes, logFileMaxBytes, logFileCount);
    }

    public SupervisorSettings withStopGrace(Duration grace) {
        return new SupervisorSettings(readinessTimeout, firstProbeDelay, probeIntervalStart, probeIntervalMax,
                reprobeInterval, reprobeWindow, maxCrashes, crashWindow, backoff, grace, orphanGrace, ringBufferBytes,
                maxLineBytes, logFileMaxBytes, logFileCount);
    }

    public SupervisorSettings withLogLimits(int ringBytes, int lineBytes, long fileMaxBytes) {
        return new SupervisorSettings(readinessTimeout, firstProbeDelay, probeIntervalStart, probeIntervalMax,
                reprobeInterval, reprobeWindow, maxCrashes, crashWindow, backoff, stopGrace, orphanGrace, ringBytes,
                lineBytes, fileMaxBytes, logFileCount);
    }

    public RestartBudget freshBudget() {
        return RestartBudget.fresh(maxCrashes, crashWindow);
    }
}

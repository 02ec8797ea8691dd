package computer.parachute.hub.cli.hub;

import java.time.Duration;

/**
 * The detached arm's waits (reference §7.1, §7.4). Production uses {@link #DEFAULT}; tests shorten the long ones.
 *
 * @param settle     hub#194: a hub that dies within this window after spawn failed to start
 * @param ready      how long a fresh JVM hub may take to answer /health (reference §5.4: 15 s)
 * @param poll       between /health probes while waiting
 * @param stopGrace  SIGTERM → this → SIGKILL (reference §7.4: 10,000 ms)
 * @param killWait   how long to wait for the exit after SIGKILL before giving up
 */
public record DetachedTimings(Duration settle, Duration ready, Duration poll, Duration stopGrace, Duration killWait) {
    public static final DetachedTimings DEFAULT = new DetachedTimings(Duration.ofMillis(250), Duration.ofSeconds(15),
            Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(5));
}

package computer.parachute.hub.core.unit;

/**
 * How hard the service manager may retry a hub that keeps crashing. systemd gives up after
 * {@code burst} starts within {@code intervalSeconds}; launchd waits {@code throttleIntervalSeconds}
 * between respawns. {@link #NONE} renders no ceiling lines at all.
 */
public record CrashLoopCeiling(int intervalSeconds, int burst, int throttleIntervalSeconds) {

    /** Reference §5.2: 5 starts per 300 s, launchd respawn no more often than every 10 s. */
    public static final CrashLoopCeiling DEFAULT = new CrashLoopCeiling(300, 5, 10);

    /** No ceiling: the renderers omit StartLimit and ThrottleInterval. */
    public static final CrashLoopCeiling NONE = new CrashLoopCeiling(0, 0, 0);

    public CrashLoopCeiling {
        if (intervalSeconds < 0 || burst < 0 || throttleIntervalSeconds < 0) {
            throw new IllegalArgumentException("crash-loop ceiling values must not be negative");
        }
    }

    /** True when systemd StartLimit lines should be written. */
    public boolean hasStartLimit() {
        return intervalSeconds > 0 && burst > 0;
    }

    /** True when launchd ThrottleInterval should be written. */
    public boolean hasThrottle() {
        return throttleIntervalSeconds > 0;
    }
}

package computer.parachute.hub.cli.status;

/** Reference §1.2 {@code formatUptime}: {@code <60s} → Ns, {@code <60m} → Nm, {@code <24h} → Nh Mm, else Nd Nh. */
public final class Uptimes {
    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private Uptimes() {}

    public static String format(long seconds) {
        long s = Math.max(0, seconds);
        if (s < MINUTE) {
            return s + "s";
        }
        if (s < HOUR) {
            return s / MINUTE + "m";
        }
        if (s < DAY) {
            return s / HOUR + "h " + (s % HOUR) / MINUTE + "m";
        }
        return s / DAY + "d " + (s % DAY) / HOUR + "h";
    }
}

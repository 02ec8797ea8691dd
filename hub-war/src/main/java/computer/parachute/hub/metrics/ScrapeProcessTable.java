package computer.parachute.hub.metrics;

import java.util.function.LongSupplier;

/**
 * One {@code /proc} scan shared by the CPU and memory callbacks of a scrape: a table younger than {@link #MAX_AGE_NANOS}
 * is reused, so a scrape reads {@code /proc} once, and two scrapes a second apart each see fresh figures.
 */
final class ScrapeProcessTable {
    private static final long MAX_AGE_NANOS = 500_000_000L;

    private final ProcessTreeUsage usage;
    private final LongSupplier nanoTime;
    private ProcessTreeUsage.Table table;
    private long scannedAt;

    ScrapeProcessTable(ProcessTreeUsage usage, LongSupplier nanoTime) {
        this.usage = usage;
        this.nanoTime = nanoTime;
    }

    synchronized ProcessTreeUsage.Table table() {
        long now = nanoTime.getAsLong();
        if (table == null || now - scannedAt > MAX_AGE_NANOS) {
            table = usage.scan();
            scannedAt = now;
        }
        return table;
    }
}

package computer.parachute.hub.cli.logs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code logs -f}: prints what is appended to a log file as it arrives, like {@code tail -f}, until {@code stop}
 * opens (Ctrl-C ends the JVM, which is the production stop). A file that shrinks was rotated and is re-read from
 * its start. Reads are a task on a named scheduler, not a sleep loop.
 */
public final class LogFollower {
    /** How often the file is checked for new bytes. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int CHUNK_BYTES = 64 * 1024;

    private final Path file;
    private final Consumer<String> sink;
    private long offset;

    public LogFollower(Path file, long offset, Consumer<String> sink) {
        this.file = file;
        this.offset = offset;
        this.sink = sink;
    }

    /** Follows until {@code stop} is released; the scheduler is always shut down. */
    public void follow(CountDownLatch stop, Duration poll) throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "logs-follow");
            thread.setDaemon(true);
            return thread;
        });
        try {
            scheduler.scheduleWithFixedDelay(this::drain, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
            stop.await();
        } finally {
            scheduler.shutdownNow();
            scheduler.awaitTermination(1, TimeUnit.SECONDS);
        }
    }

    /** Prints whatever was appended since the last read. */
    synchronized void drain() {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < offset) {
                offset = 0;
            }
            while (offset < length) {
                byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, length - offset)];
                in.seek(offset);
                in.readFully(chunk);
                offset += chunk.length;
                sink.accept(new String(chunk, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // not there yet (or rotated away this instant): the next tick looks again
        }
    }
}

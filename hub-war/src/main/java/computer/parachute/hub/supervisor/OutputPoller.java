package computer.parachute.hub.supervisor;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread reads every running module's output pipe (issue 10: a blocked reader per module cost each module a Java
 * thread, ~95 KB of touched stack). The JDK's process pipes cannot be selected on, so it reads only what
 * {@link InputStream#available()} says is there (never blocking), polling every {@value #FAST_POLL_MS} ms while output
 * flows and backing off to {@value #IDLE_POLL_MS} ms when all are quiet. Once a child has exited (its exit future wakes
 * the poller at once), the rest of its pipe, up to EOF, is read by the {@link OutputPump} itself on {@code drainers}, as
 * before: a grandchild still holding the pipe blocks that one drain, never the others, and no byte is lost.
 */
final class OutputPoller implements AutoCloseable {
    static final long FAST_POLL_MS = 10;
    static final long IDLE_POLL_MS = 200;
    /** Per stream per turn, so one chatty module cannot starve the others. */
    private static final int TURN_BYTES = 64 * 1024;
    private static final long CLOSE_WAIT_MS = 5_000;

    private final ExecutorService drainers;
    private final ConcurrentLinkedQueue<Watched> watched = new ConcurrentLinkedQueue<>();
    private final byte[] chunk = new byte[8192];
    private volatile boolean closed;
    private Thread thread;

    OutputPoller(ExecutorService drainers) {
        this.drainers = drainers;
    }

    /** Completes once {@code pump} has read its stream to EOF and handed over the last line. */
    CompletableFuture<Void> add(OutputPump pump, CompletableFuture<?> exited) {
        Watched w = new Watched(pump, exited);
        synchronized (this) {
            if (closed) {
                handOver(w);
                return w.drained;
            }
            watched.add(w);
            if (thread == null) {
                thread = NamedThreads.factory("supervisor-output").newThread(this::loop);
                thread.setDaemon(true);
                thread.start();
            }
        }
        Thread t = thread;
        exited.whenComplete((code, error) -> LockSupport.unpark(t));
        LockSupport.unpark(t);
        return w.drained;
    }

    private void loop() {
        long pollMs = FAST_POLL_MS;
        while (!closed) {
            boolean read = false;
            for (Iterator<Watched> it = watched.iterator(); it.hasNext(); ) {
                Watched w = it.next();
                if (w.exited.isDone()) {
                    it.remove();
                    handOver(w);
                    continue;
                }
                try {
                    read |= readAvailable(w.pump);
                } catch (IOException e) {
                    it.remove();
                    handOver(w); // the pump's own read reports it and flushes the partial line
                }
            }
            pollMs = read ? FAST_POLL_MS : Math.min(IDLE_POLL_MS, pollMs * 2);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pollMs));
        }
        for (Watched w; (w = watched.poll()) != null; ) {
            handOver(w);
        }
    }

    /** Reads what is in the pipe now; a read of at most available() bytes returns without waiting. */
    private boolean readAvailable(OutputPump pump) throws IOException {
        InputStream in = pump.in();
        int total = 0;
        for (int n; total < TURN_BYTES && (n = in.available()) > 0; ) {
            int read = in.read(chunk, 0, Math.min(n, chunk.length));
            if (read <= 0) {
                break;
            }
            pump.consume(chunk, read);
            total += read;
        }
        return total > 0;
    }

    private void handOver(Watched w) {
        try {
            CompletableFuture.runAsync(w.pump, drainers).whenComplete((v, e) -> w.drained.complete(null));
        } catch (RuntimeException rejected) { // drainers already shut down: drain here
            w.pump.run();
            w.drained.complete(null);
        }
    }

    /** Hands every stream still watched to the drainers; call before shutting them down. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(CLOSE_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Watched(OutputPump pump, CompletableFuture<?> exited, CompletableFuture<Void> drained) {
        Watched(OutputPump pump, CompletableFuture<?> exited) {
            this(pump, exited, new CompletableFuture<>());
        }
    }
}

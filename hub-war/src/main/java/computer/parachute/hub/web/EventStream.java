package computer.parachute.hub.web;

import computer.parachute.hub.supervisor.ModuleSnapshot;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One page's event stream. Events (each {@code data} is one JSON object):
 * <ul>
 *   <li>{@code hello} — on connect: the hub row, every module, registry warnings and the tail of each open log pane;</li>
 *   <li>{@code module} — a module's row after a change (state, pid, crash, respawn, start error);</li>
 *   <li>{@code removed} — a module the hub no longer knows;</li>
 *   <li>{@code catalog} — every module and the registry warnings again, after services.json changed;</li>
 *   <li>{@code log} — a new output line of a module whose log pane is open;</li>
 *   <li>{@code ended} — the session ended (revoked, expired): the page stops reconnecting.</li>
 * </ul>
 * A queue that overflows (a client that cannot keep up) closes the stream; the page reconnects and gets a fresh
 * {@code hello}, which is simpler and more honest than silently dropped rows.
 */
final class EventStream {
    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());
    static final int QUEUE_CAPACITY = 4096;
    static final int MAX_LOG_PANES = 8;
    static final int LOG_TAIL_LINES = 200;
    /** Tells the browser how soon to reconnect after the stream ends (the hub restarting). */
    static final Duration RETRY = Duration.ofSeconds(1);
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Object END = new Object();

    private record LogLine(String shortName, String line) {}

    /** A supervisor change and when it was published. */
    record Change(ModuleSnapshot snapshot, long at) {}

    private final EventStreams owner;
    private final String cookie;
    private final List<String> logPanes;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Map<String, AutoCloseable> follows = new LinkedHashMap<>();
    private volatile boolean overflowed;

    EventStream(EventStreams owner, String cookie, List<String> logPanes) {
        this.owner = owner;
        this.cookie = cookie;
        this.logPanes = List.copyOf(logPanes.subList(0, Math.min(MAX_LOG_PANES, logPanes.size())));
    }

    /** Never blocks: the caller may be the supervisor's thread. */
    void offer(Object item) {
        if (!queue.offer(item)) {
            overflowed = true;
        }
    }

    void end() {
        queue.clear();
        queue.offer(END);
    }

    /** Writes events until the client leaves, the session ends, the queue overflows or the hub stops. */
    void run(OutputStream out) throws IOException {
        try {
            write(out, "retry: " + RETRY.toMillis() + "\n\n");
            Map<String, List<String>> tails = new LinkedHashMap<>();
            for (String pane : logPanes) {
                tails.put(pane, follow(pane) ? tail(pane) : List.of());
            }
            DashboardView.Catalog catalog = owner.view().catalog();
            event(out, "hello", new StreamEvents.Hello(owner.view().hub(), catalog.modules(), catalog.registryWarnings(), tails));
            out.flush();
            pump(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            follows.values().forEach(EventStream::closeQuietly);
            owner.release(this);
        }
    }

    private void pump(OutputStream out) throws IOException, InterruptedException {
        long now = System.nanoTime();
        long nextBeat = now + owner.heartbeat().toNanos();
        long nextRegistryCheck = now + EventStreams.REGISTRY_CHECK.toNanos();
        Object registryStamp = stamp(owner.servicesFile());
        while (true) {
            Object item = queue.poll(EventStreams.REGISTRY_CHECK.toMillis(), TimeUnit.MILLISECONDS);
            List<Object> batch = new ArrayList<>();
            if (item != null) {
                batch.add(item);
                queue.drainTo(batch, 256);
            }
            for (Object next : batch) {
                if (next == END || overflowed) {
                    return;
                }
                send(out, next);
            }
            now = System.nanoTime();
            if (now - nextRegistryCheck >= 0) {
                nextRegistryCheck = now + EventStreams.REGISTRY_CHECK.toNanos();
                Object stamp = stamp(owner.servicesFile());
                if (!Objects.equals(stamp, registryStamp)) {
                    registryStamp = stamp;
                    DashboardView.Catalog catalog = owner.view().catalog();
                    event(out, "catalog", catalog);
                    logPanes.forEach(this::follow); // a pane's module may have appeared
                }
            }
            if (now - nextBeat >= 0) {
                nextBeat = now + owner.heartbeat().toNanos();
                if (owner.sessions().find(cookie).isEmpty()) {
                    event(out, "ended", new StreamEvents.Ended("the dashboard session ended (expired, logged out or revoked)"));
                    out.flush();
                    return;
                }
                write(out, ": keepalive\n\n");
            }
            out.flush(); // a departed client is noticed here: the write fails
        }
    }

    private void send(OutputStream out, Object item) throws IOException {
        if (item instanceof Change stamped) {
            ModuleSnapshot change = stamped.snapshot();
            if (logPanes.contains(change.shortName())) {
                follow(change.shortName());
            }
            var row = owner.view().row(change);
            if (row.isPresent()) {
                event(out, "module", new StreamEvents.Module(row.get(), stamped.at()));
            } else {
                event(out, "removed", new StreamEvents.Removed(change.shortName()));
            }
        } else if (item instanceof LogLine line) {
            event(out, "log", new StreamEvents.Log(line.shortName(), line.line()));
        }
    }

    /** Subscribes to a pane's module output once it is supervised; true when following. */
    private boolean follow(String shortName) {
        if (follows.containsKey(shortName)) {
            return true;
        }
        return owner.supervisor().follow(shortName, line -> offer(new LogLine(shortName, line)))
                .map(tail -> {
                    follows.put(shortName, tail.subscription()); // the pane's backlog comes from tail() below
                    return true;
                }).orElse(false);
    }

    private List<String> tail(String shortName) {
        List<String> lines = owner.supervisor().logs(shortName).orElse(List.of());
        return List.copyOf(lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

    private static void event(OutputStream out, String name, Object data) throws IOException {
        write(out, "event: " + name + "\ndata: " + JSON.toJson(data) + "\n\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** services.json's modification time and size, or null when absent: a change means "read it again". */
    private static Object stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            return null;
        }
    }

    private static void closeQuietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "log follow did not close", e);
        }
    }
}

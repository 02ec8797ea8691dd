package computer.parachute.hub.web;

import computer.parachute.hub.api.HubApiException;
import computer.parachute.hub.core.session.DashboardSessions;
import computer.parachute.hub.supervisor.ModuleSnapshot;
import computer.parachute.hub.supervisor.Supervisor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dashboard's server-sent-event streams ({@code /api/events}). One subscription to the supervisor's
 * {@code ModuleEvents} fans every change out to each open stream's own bounded queue, so the supervisor's thread only
 * ever does a non-blocking offer; each stream's request thread turns its queue into events. At most
 * {@link #MAX_STREAMS} are open at once (each holds a server thread); more are refused with 429.
 */
public final class EventStreams implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventStreams.class.getName());
    /**
     * Each open stream holds a server thread: a few pages (one person's tabs) are plenty, and the API's own threads
     * (the logs?follow=1 streams hold up to 16 more) must never run out.
     */
    static final int MAX_STREAMS = 8;
    /** A comment line this often keeps idle connections open through any timeout and reveals departed clients. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** How often a stream checks services.json (a stat) for edits the supervisor does not publish. */
    static final Duration REGISTRY_CHECK = Duration.ofSeconds(1);

    private final Supervisor supervisor;
    private final DashboardView view;
    private final DashboardSessions sessions;
    private final Path servicesFile;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private final Semaphore slots = new Semaphore(MAX_STREAMS);
    private final AutoCloseable subscription;
    private final Duration heartbeat;
    private volatile boolean closed;

    public EventStreams(Supervisor supervisor, DashboardView view, DashboardSessions sessions, Path servicesFile) {
        this(supervisor, view, sessions, servicesFile, HEARTBEAT);
    }

    /** Tests shorten the heartbeat to see a revoked session's stream end without waiting for the real one. */
    EventStreams(Supervisor supervisor, DashboardView view, DashboardSessions sessions, Path servicesFile, Duration heartbeat) {
        this.heartbeat = heartbeat;
        this.supervisor = supervisor;
        this.view = view;
        this.sessions = sessions;
        this.servicesFile = servicesFile;
        this.subscription = supervisor.events().subscribe(this::publish);
    }

    /** On the supervisor's thread, under the module's lock: an offer per stream and nothing else. */
    private void publish(ModuleSnapshot change) {
        EventStream.Change stamped = new EventStream.Change(change, System.currentTimeMillis());
        for (EventStream stream : open) {
            stream.offer(stamped);
        }
    }

    /**
     * A stream for one page, holding a slot until {@link EventStream#run} ends; {@code cookie} is re-checked on every
     * heartbeat, so a revoked session's stream ends within {@link #HEARTBEAT}.
     */
    EventStream open(String cookie, List<String> logPanes) {
        if (closed) {
            throw new HubApiException(503, "hub_stopping", "the hub is stopping; the page reconnects when it is back");
        }
        if (!slots.tryAcquire()) {
            throw new HubApiException(429, "too_many_streams", "already " + MAX_STREAMS
                    + " dashboard pages are open; close one and reload");
        }
        EventStream stream = new EventStream(this, cookie, logPanes);
        open.add(stream);
        return stream;
    }

    void release(EventStream stream) {
        if (open.remove(stream)) {
            slots.release();
        }
    }

    int openCount() {
        return open.size();
    }

    Supervisor supervisor() { return supervisor; }
    DashboardView view() { return view; }
    DashboardSessions sessions() { return sessions; }
    Path servicesFile() { return servicesFile; }
    Duration heartbeat() { return heartbeat; }

    /** Ends every stream (hub stopping): each page sees its stream close and starts reconnecting. */
    @Override
    public void close() {
        closed = true;
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "module events subscription did not close", e);
        }
        open.forEach(EventStream::end);
    }
}

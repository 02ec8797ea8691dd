package computer.parachute.hub.api;

import computer.parachute.hub.modules.ModuleOperations;
import computer.parachute.hub.supervisor.LogTail;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code logs?follow=1}: a text/plain stream of the buffered lines, then new lines as the module prints them, until
 * the client leaves (a write fails) or the module is no longer supervised. A slow client cannot grow memory
 * without bound: lines beyond {@link #MAX_QUEUED_LINES} are dropped for that client. A client that leaves a quiet
 * module's stream is only noticed at the module's next line (the servlet API reports a departed client only when a
 * write fails), so at most {@link #MAX_STREAMS} streams hold a server thread at once; more get 429.
 */
public final class LogFollower {
    /** How often an idle stream checks that the module is still supervised (reference §3.4: 500 ms). */
    static final Duration IDLE_CHECK = Duration.ofMillis(500);
    static final int MAX_QUEUED_LINES = 10_000;
    /** Well below Jetty's worker pool, so abandoned streams can never starve the API. */
    static final int MAX_STREAMS = 16;
    private static final MediaType TEXT_UTF8 = MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8");
    private static final String NO_STORE = "no-store";

    private final ModuleOperations modules;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);

    public LogFollower(ModuleOperations modules) {
        this.modules = modules;
    }

    /**
     * {@code head}: a HEAD request gets the headers only. JAX-RS answers HEAD by running the GET method and writing
     * the entity into the void, where a follow stream would never see its client leave and hold a slot for good.
     */
    Response stream(String shortName, boolean head, HttpServletResponse servletResponse) {
        modules.logs(shortName); // 404 not_supervised before any byte is sent
        if (head) {
            return Response.ok().type(TEXT_UTF8).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
        }
        if (streams.availablePermits() == 0) {
            throw tooMany(shortName);
        }
        // the slot and the subscription are taken only once the body is written, inside the try that releases them:
        // a response whose entity is never written (HEAD, a failed filter) holds neither
        StreamingOutput body = jerseyStream -> {
            if (!streams.tryAcquire()) {
                return; // lost a race for the last slot since the check above: an empty stream
            }
            try {
                follow(shortName, servletResponse);
            } finally {
                streams.release();
            }
        };
        return Response.ok(body, TEXT_UTF8).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    private static HubApiException tooMany(String shortName) {
        return new HubApiException(429, "too_many_followers", "already " + MAX_STREAMS
                + " logs?follow=1 streams open; close one, or read GET /api/modules/" + shortName + "/logs");
    }

    /**
     * Commits the response and hands out the servlet's own stream. Jersey's entity stream buffers the first 8 KiB and
     * ignores flush() until then, so a quiet module's stream would not even send its headers; the container's
     * stream sends each flushed line at once.
     */
    private static OutputStream open(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(TEXT_UTF8.toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
        response.flushBuffer();
        return response.getOutputStream();
    }

    /** The supervisor keeps lines without their newline; the stream gives each one back. */
    private static void writeLine(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Buffered lines and later ones come from one {@link LogTail}: none lost in the hand-over, none repeated. */
    private void follow(String shortName, HttpServletResponse servletResponse) throws IOException {
        BlockingQueue<String> fresh = new LinkedBlockingQueue<>(MAX_QUEUED_LINES);
        LogTail tail;
        try {
            tail = modules.follow(shortName, fresh::offer);
        } catch (HubApiException e) {
            return; // forgotten since the request was accepted: an empty stream
        }
        try (AutoCloseable subscription = tail.subscription()) {
            OutputStream out = open(servletResponse); // a client already gone fails here, inside the try
            for (String line : tail.backlog()) {
                writeLine(out, line);
            }
            out.flush();
            while (modules.isSupervised(shortName)) {
                String line = fresh.poll(IDLE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
                if (line != null) {
                    writeLine(out, line);
                }
                out.flush(); // also how a departed client is noticed: the write fails
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            // closing the subscription failed: nothing left to tell the client
        }
    }
}

package computer.parachute.hub.web;

import computer.parachute.hub.core.home.ModuleNames;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /api/events[?logs=a,b]}: the dashboard's live stream (session cookie, never a bearer token). See
 * {@link EventStream} for the events; {@code logs} names the modules whose log panes are open.
 */
@Path("/api/events")
@BrowserSession
public final class EventsResource {
    static final String EVENT_STREAM = "text/event-stream";
    private static final Logger LOG = Logger.getLogger(EventsResource.class.getName());

    private final EventStreams streams;
    private final HubPort port;

    @Inject
    public EventsResource(EventStreams streams, HubPort port) {
        this.streams = streams;
        this.port = port;
    }

    @GET
    @Produces(EVENT_STREAM)
    public Response stream(@QueryParam("logs") String logs, @Context ContainerRequestContext request,
                           @Context HttpServletResponse servletResponse) {
        EventStream stream = streams.open(SessionCookie.read(request, port.get()), panes(logs));
        StreamingOutput body = ignored -> {
            try {
                stream.run(open(servletResponse));
            } catch (IOException e) {
                // the page went away (tab closed, reload): the normal end of a stream, nothing to report
                LOG.log(Level.FINE, "dashboard event stream ended by the client", e);
            } finally {
                streams.release(stream); // also when run() never started
            }
        };
        return Response.ok(body, EVENT_STREAM).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** Valid module names only, at most a few (the rest are ignored). */
    static List<String> panes(String logs) {
        if (logs == null || logs.isBlank()) {
            return List.of();
        }
        return Arrays.stream(logs.split(",", EventStream.MAX_LOG_PANES + 1)).map(String::strip)
                .filter(ModuleNames::isValidShort).distinct().limit(EventStream.MAX_LOG_PANES).toList();
    }

    /**
     * Commits the headers and hands out the container's own stream: Jersey's entity stream buffers the first 8 KiB,
     * so a quiet stream would not even send its headers (the same reason as the API's logs?follow=1).
     */
    private static OutputStream open(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(EVENT_STREAM + ";charset=utf-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        response.flushBuffer();
        return response.getOutputStream();
    }
}

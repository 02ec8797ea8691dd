package computer.parachute.hub.web;

import computer.parachute.hub.api.HubApiException;
import computer.parachute.hub.app.RunningHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stream bound, and that stopping the hub ends every open stream (so pages start reconnecting at once). */
class EventStreamsTest {
    @TempDir
    Path home;

    @Test
    void atMostEightStreamsAreOpenAndAFreedSlotIsReused() throws Exception {
        try (RunningHub hub = RunningHub.start(home, app -> { })) {
            EventStreams streams = hub.lifecycle().eventStreams();
            List<EventStream> open = new ArrayList<>();
            for (int i = 0; i < EventStreams.MAX_STREAMS; i++) {
                open.add(streams.open("cookie", List.of()));
            }
            HubApiException refused = assertThrows(HubApiException.class, () -> streams.open("cookie", List.of()));
            assertEquals(429, refused.status());
            assertEquals("too_many_streams", refused.code());
            streams.release(open.remove(0));
            streams.release(open.get(0));
            streams.release(open.get(0)); // releasing twice frees one slot, not two
            assertEquals(EventStreams.MAX_STREAMS - 2, streams.openCount());
            open.add(streams.open("cookie", List.of()));
            open.add(streams.open("cookie", List.of()));
            assertThrows(HubApiException.class, () -> streams.open("cookie", List.of()));
        }
    }

    @Test
    void aRevokedSessionsStreamSaysEndedAtTheNextHeartbeatAndCloses() throws Exception {
        try (RunningHub hub = RunningHub.start(home, app -> { })) {
            var lifecycle = hub.lifecycle();
            EventStreams streams = new EventStreams(lifecycle.supervisor(), lifecycle.dashboardView(), lifecycle.sessions(),
                    lifecycle.registry().file(), java.time.Duration.ofMillis(200));
            String cookie = lifecycle.sessions().start().cookieValue();
            EventStream stream = streams.open(cookie, List.of());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CompletableFuture<Void> running = run(stream, out);
            awaitText(out, ": keepalive");
            assertFalse(running.isDone(), "a live session's stream stays open");
            lifecycle.sessions().revokeAll();
            running.get(5, TimeUnit.SECONDS);
            assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("event: ended\ndata: {\"reason\":"
                    + "\"the dashboard session ended (expired, logged out or revoked)\"}\n\n"), out::toString);
            assertEquals(0, streams.openCount());
            streams.close();
        }
    }

    private static CompletableFuture<Void> run(EventStream stream, ByteArrayOutputStream out) {
        return CompletableFuture.runAsync(() -> {
            try {
                stream.run(out);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static void awaitText(ByteArrayOutputStream out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!out.toString(StandardCharsets.UTF_8).contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(text), out::toString);
    }

    @Test
    void stoppingTheHubEndsAStreamThatIsWaitingForEvents() throws Exception {
        try (RunningHub hub = RunningHub.start(home, app -> { })) {
            EventStreams streams = hub.lifecycle().eventStreams();
            EventStream stream = streams.open("cookie", List.of());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CompletableFuture<Void> running = run(stream, out);
            awaitText(out, "event: hello");
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("retry: 1000\n\nevent: hello\ndata: {"), out::toString);
            hub.lifecycle().stopModules();
            running.get(5, TimeUnit.SECONDS); // not the 10 s heartbeat: the stop ends it
            assertEquals(0, streams.openCount());
            HubApiException stopping = assertThrows(HubApiException.class, () -> streams.open("cookie", List.of()));
            assertEquals(503, stopping.status());
        }
    }
}

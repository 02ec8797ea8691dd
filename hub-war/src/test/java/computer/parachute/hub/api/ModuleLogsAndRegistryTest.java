package computer.parachute.hub.api;

import computer.parachute.hub.core.net.TcpPortProbe;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.token.ScopeSets;
import computer.parachute.hub.modules.RegistryRescan;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static computer.parachute.hub.api.ModuleOpsLifecycleTest.DEADLINE;
import static computer.parachute.hub.api.ModuleProbes.answersWithPid;
import static computer.parachute.hub.api.ModuleProbes.crash;
import static computer.parachute.hub.api.ModuleProbes.isAlive;
import static computer.parachute.hub.api.ModuleProbes.portIsFree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code logs?follow=1} streaming and services.json edits while the hub runs (the production {@link RegistryRescan}
 * on its own schedule), on real modules. One hub for the class.
 */
class ModuleLogsAndRegistryTest {
    private static final int STREAM_READ_TIMEOUT_MS = 15_000;
    private static final Logger RESCAN_LOG = Logger.getLogger(RegistryRescan.class.getName());

    @TempDir
    static Path dir;
    static ApiHub hub;
    static String admin;
    static final List<String> rescanWarnings = new CopyOnWriteArrayList<>();
    static final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            rescanWarnings.add(record.getMessage());
        }

        @Override
        public void flush() { }

        @Override
        public void close() { }
    };

    @BeforeAll
    static void start() throws Exception {
        hub = ApiHub.start(dir);
        admin = hub.mint(ScopeSets.ADMIN);
        RESCAN_LOG.addHandler(capture);
    }

    @AfterAll
    static void stop() throws Exception {
        RESCAN_LOG.removeHandler(capture);
        hub.close();
    }

    private static long start(String shortName) throws Exception {
        return hub.track(ModuleOpsLifecycleTest.state(hub.post("/api/modules/" + shortName + "/start", admin), shortName));
    }

    private static HttpURLConnection follow(String shortName) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) hub.hub.uri("/api/modules/" + shortName + "/logs?follow=1")
                .toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + admin);
        connection.setReadTimeout(STREAM_READ_TIMEOUT_MS);
        assertEquals(200, connection.getResponseCode());
        assertEquals("text/plain;charset=utf-8", connection.getContentType().replace(" ", "").toLowerCase());
        assertEquals("no-store", connection.getHeaderField("cache-control"));
        return connection;
    }

    /** Server threads currently inside a follow stream (the hub runs in this JVM). */
    private static long followerThreads() {
        return Thread.getAllStackTraces().values().stream().filter(stack -> Arrays.stream(stack).anyMatch(frame ->
                frame.getClassName().equals(LogFollower.class.getName()) && frame.getMethodName().equals("follow"))).count();
    }

    @Test
    void logsReplayTheBufferAndFollowStreamsItThenNewLinesUntilTheClientLeaves() throws Exception {
        ApiHub.Module delta = hub.install("delta", Map.of("TM_ECHO", "d1"));
        long first = start("delta");
        String firstLine = "testmodule pid=" + first + " port=" + delta.port() + " echo=d1";
        String listening = "testmodule listening on 127.0.0.1:" + delta.port();
        Poll.require(DEADLINE, "both startup lines buffered",
                () -> ModuleOpsLifecycleTest.logLines(hub, admin, "delta").containsAll(List.of(firstLine, listening)));

        HttpURLConnection stream = follow("delta");
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.getInputStream(), StandardCharsets.UTF_8));
        assertEquals(firstLine, lines.readLine(), "buffered lines come first, one per line");
        assertEquals(listening, lines.readLine());
        assertEquals(1, followerThreads());

        crash(delta.port()); // the module prints again only when it is respawned: a line born after the request
        String next = readUntil(lines, l -> l.startsWith("testmodule pid=") && !l.equals(firstLine));
        long second = Long.parseLong(next.substring("testmodule pid=".length(), next.indexOf(' ', "testmodule pid=".length())));
        assertNotEquals(first, second);
        hub.reaper.track(second);

        stream.disconnect(); // the client leaves; the server notices when a write fails, i.e. at the next lines
        Poll.require(DEADLINE, "delta answering again", () -> answersWithPid(delta.port(), second));
        crash(delta.port());
        Poll.require(DEADLINE, "the follower thread to end after the client left", () -> followerThreads() == 0);
        assertEquals(200, hub.send("GET", "/health", null).status(), "the hub keeps serving");
        Poll.require(DEADLINE, "delta respawned", () -> hub.hub.lifecycle().supervisor().get("delta")
                .map(s -> s.pid() != null && s.pid() != second && hub.reaper.track(s.pid()) > 0).orElse(false));
    }

    @Test
    void followStreamsAreCappedSoAbandonedOnesCannotStarveTheServer() throws Exception {
        ApiHub.Module quiet = hub.install("quiet", Map.of());
        start("quiet");
        List<HttpURLConnection> streams = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < LogFollower.MAX_STREAMS; i++) {
                streams.add(follow("quiet"));
            }
            hub.get("/api/modules/quiet/logs?follow=1", admin).assertError(429, "too_many_followers");
        } finally {
            streams.forEach(HttpURLConnection::disconnect);
        }
        crash(quiet.port()); // the respawn prints: every abandoned stream's next write fails and frees its slot
        Poll.require(DEADLINE, "abandoned follow streams released", () -> followerThreads() == 0);
        follow("quiet").disconnect(); // a slot is free again
        Poll.require(DEADLINE, "quiet answering again", () -> hub.hub.lifecycle().supervisor().get("quiet")
                .map(s -> s.pid() != null && hub.reaper.track(s.pid()) > 0 && new TcpPortProbe().isListening(quiet.port())).orElse(false));
        crash(quiet.port());
        Poll.require(DEADLINE, "the last stream released", () -> followerThreads() == 0);
    }

    /**
     * HEAD of a follow stream: JAX-RS runs the GET method and writes the entity into the void, so the stream never
     * saw its client leave and held a server thread and a slot for good (17 HEADs = no follow stream ever again).
     * Now HEAD gets the headers only, and a stream takes its slot and subscription only inside the try that frees them.
     */
    @Test
    void aFollowResponseWhoseBodyIsNeverWrittenHoldsNoSlot() throws Exception {
        ApiHub.Module hush = hub.install("hush", Map.of());
        start("hush");
        for (int i = 0; i < LogFollower.MAX_STREAMS + 4; i++) {
            HttpURLConnection head = (HttpURLConnection) hub.hub.uri("/api/modules/hush/logs?follow=1").toURL()
                    .openConnection();
            head.setRequestMethod("HEAD");
            head.setRequestProperty("Authorization", "Bearer " + admin);
            head.setReadTimeout(STREAM_READ_TIMEOUT_MS);
            assertEquals(200, head.getResponseCode(), "HEAD #" + i);
            head.disconnect();
        }
        assertEquals(0, followerThreads());
        follow("hush").disconnect(); // a real stream still gets a slot
        crash(hush.port()); // the respawn prints: the departed stream's next write fails and frees its slot
        Poll.require(DEADLINE, "the stream released", () -> followerThreads() == 0);
        Poll.require(DEADLINE, "hush respawned", () -> hub.hub.lifecycle().supervisor().get("hush")
                .map(s -> s.pid() != null && hub.reaper.track(s.pid()) > 0).orElse(false));
    }

    @Test
    void removingTheRowStopsAndForgetsTheModuleAndEndsItsFollowers() throws Exception {
        ApiHub.Module echo = hub.install("echo", Map.of());
        long pid = start("echo");
        HttpURLConnection stream = follow("echo");
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.getInputStream(), StandardCharsets.UTF_8));
        assertTrue(lines.readLine().startsWith("testmodule pid=" + pid));

        assertTrue(hub.hub.lifecycle().registry().remove("echo"));
        readUntil(lines, line -> false); // returns at end of stream: the module went away
        assertTrue(hub.hub.lifecycle().supervisor().get("echo").isEmpty(), "forgotten by the rescan");
        assertFalse(isAlive(pid));
        assertTrue(portIsFree(echo.port()));
        hub.get("/api/modules/echo", admin).assertError(404, "not_found");
        hub.get("/api/modules/echo/logs", admin).assertError(404, "not_supervised");
        assertNull(hub.catalogRow(admin, "echo"));
        Poll.require(DEADLINE, "no follower thread left", () -> followerThreads() == 0);
    }

    @Test
    void aRowAddedAfterBootIsStartableAndAMalformedRegistryStopsNothing() throws Exception {
        ApiHub.Module hotel = hub.install("hotel", Map.of());
        ApiHub.Module india = hub.install("india", Map.of());
        long pid = start("hotel");
        Path services = hub.hub.lifecycle().registry().file();
        String good = Files.readString(services);
        try {
            // hotel's row goes bad (an editor mid-save): the strict rescan refuses, the lenient reader skips the row
            awaitRescanRefusal(services, good.replace("\"port\": " + hotel.port(), "\"port\": \"soon\""));
            JsonObject row = hub.catalogRow(admin, "hotel");
            assertFalse(row.getBoolean("installed"), row::toString);
            assertEquals("running", row.getString("supervisor_status"), row::toString);
            assertTrue(hub.catalogRow(admin, "india").getBoolean("installed"), "the good rows are still listed");

            awaitRescanRefusal(services, "{\"services\": [ this is not json");
            ApiHub.Reply catalog = hub.get("/api/modules", admin);
            assertEquals(200, catalog.status(), catalog.body());
            assertNull(hub.catalogRow(admin, "india"), "nothing is installed as far as a garbage file says");
            assertEquals("running", hub.catalogRow(admin, "hotel").getString("supervisor_status"));
            assertTrue(answersWithPid(hotel.port(), pid), "a malformed services.json stops no module");
            String why = hub.post("/api/modules/india/start", admin).assertError(409, "registry_invalid")
                    .getString("error_description");
            assertTrue(why.startsWith(services + ": "), "names the file, not \"not installed\": " + why);
        } finally {
            Files.writeString(services, good);
        }
        Poll.require(DEADLINE, "hotel listed as installed again", () -> catalogSaysInstalled("hotel"));
        assertTrue(answersWithPid(hotel.port(), pid));
        assertEquals(good, Files.readString(services), "the hub never rewrote the operator's file");
    }

    private static boolean catalogSaysInstalled(String shortName) {
        try {
            JsonObject row = hub.catalogRow(admin, shortName);
            return row != null && row.getBoolean("installed");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Writes {@code text} in place, as an editor would, and waits until the production rescan has refused it. */
    private static void awaitRescanRefusal(Path services, String text) throws Exception {
        rescanWarnings.clear();
        Files.writeString(services, text);
        Poll.require(DEADLINE, "the rescan to refuse the malformed services.json",
                () -> rescanWarnings.stream().anyMatch(m -> m.contains("not rescanning") && m.contains(services.toString())));
    }

    /** Reads lines until one matches (returned) or the stream ends (null); bounded by the read timeout. */
    private static String readUntil(BufferedReader lines, java.util.function.Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        String line;
        while ((line = lines.readLine()) != null) {
            if (wanted.test(line)) {
                return line;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching line within " + DEADLINE);
            }
        }
        return null;
    }
}

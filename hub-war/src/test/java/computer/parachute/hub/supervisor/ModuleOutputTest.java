package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Line splitting, the byte-bounded ring, the rotating file and the fan-out of {@link ModuleLog}. */
class ModuleOutputTest {
    @TempDir Path temp;

    @Test
    void chunksAreJoinedIntoWholeLinesAndAFinalPartialLineIsFlushed() {
        List<String> lines = pump(16 * 1024, "hel", "lo\nwor", "ld\n", "héllo", " ✓ partial");
        assertEquals(List.of("hello", "world", "héllo ✓ partial"), lines);
    }

    @Test
    void aMultiByteCharacterSplitAcrossChunksSurvives() {
        byte[] tick = "✓\n".getBytes(StandardCharsets.UTF_8);
        InputStream in = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(tick, 0, 1), new ByteArrayInputStream(tick, 1, tick.length - 1))));
        List<String> lines = new ArrayList<>();
        new OutputPump(in, lines::add, 1024, "t").run();
        assertEquals(List.of("✓"), lines);
    }

    @Test
    void anOversizeLineIsCutIntoBoundedPiecesOnCharacterBoundaries() {
        String longLine = "é".repeat(100); // 200 bytes
        List<String> lines = pump(64, longLine + "\nnext\n");
        assertTrue(lines.size() > 3, lines.toString());
        assertEquals(longLine, String.join("", lines.subList(0, lines.size() - 1)));
        lines.forEach(line -> assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 64, line));
        assertFalse(String.join("", lines).contains("\uFFFD"));
        assertEquals("next", lines.get(lines.size() - 1));
    }

    @Test
    void ringDropsOldestWholeLinesWhenOverTheByteCap() {
        LogRingBuffer ring = new LogRingBuffer(40);
        ring.add("first line 0123456789");   // 22 bytes with newline
        ring.add("second line 0123456789");  // 23 bytes
        assertEquals(List.of("second line 0123456789"), ring.snapshot());
        assertTrue(ring.totalBytes() <= 40);
        ring.add("x".repeat(100));
        assertEquals(List.of("x".repeat(100)), ring.snapshot()); // a single line is kept
    }

    @Test
    void logFileRotatesBySizeKeepingThreeFiles() throws IOException {
        Path file = temp.resolve("vault/logs/vault.log");
        RotatingLogFile log = new RotatingLogFile(file, 100, 3);
        for (int i = 0; i < 20; i++) {
            log.append(String.format("line %02d %s", i, "x".repeat(30))); // 40 bytes each
        }
        log.close();
        assertTrue(Files.size(file) <= 100);
        assertTrue(Files.exists(file.resolveSibling("vault.log.1")));
        assertTrue(Files.exists(file.resolveSibling("vault.log.2")));
        assertFalse(Files.exists(file.resolveSibling("vault.log.3")));
        assertTrue(Files.readString(file).contains("line 19"));
        assertTrue(Files.readString(file.resolveSibling("vault.log.2")).contains("line 15"));
        assertFalse(Files.readString(file.resolveSibling("vault.log.2")).contains("line 13"));
    }

    @Test
    void moduleLogFeedsRingFileAndFollowersAndOnlySupervisorNotesReachTheHubOutput() throws Exception {
        CapturingOutput output = new CapturingOutput();
        Path file = temp.resolve("vault.log");
        ModuleLog log = new ModuleLog("vault", output, new LogRingBuffer(1024), new RotatingLogFile(file, 1024, 3));
        List<String> followed = new ArrayList<>();
        log.childLine("before");
        LogTail tail = log.follow(followed::add);
        assertEquals(List.of("before"), tail.backlog());
        AutoCloseable subscription = tail.subscription();
        log.childLine("during");
        log.supervisorLine("vault exited (code=1)");
        subscription.close();
        log.childLine("after");
        log.close();

        // issue 9: module lines stay in the module's own rotated log, never in hub.log/journald
        assertEquals(List.of("[supervisor] vault exited (code=1)"), output.lines());
        assertEquals(List.of("during", "[supervisor] vault exited (code=1)"), followed);
        assertEquals(List.of("before", "during", "[supervisor] vault exited (code=1)", "after"), log.lines());
        assertEquals("before\nduring\n[supervisor] vault exited (code=1)\nafter\n", Files.readString(file));
    }

    /**
     * The hand-over from "lines so far" to "lines from now on": a writer records numbered lines flat out while
     * followers join; for every follower, backlog + deliveries must be exactly every line, once, in order.
     */
    @Test
    void noLineIsLostOrRepeatedBetweenTheBacklogAndTheSubscription() throws Exception {
        int total = 100_000;
        ModuleLog log = new ModuleLog("race", new CapturingOutput(), new LogRingBuffer(4 << 20), // holds every line
                new RotatingLogFile(temp.resolve("race.log"), 16 << 20, 2));
        Thread writer = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                log.childLine(Integer.toString(i));
            }
        }, "race-writer");
        List<LogTail> tails = new ArrayList<>();
        List<List<String>> deliveries = new ArrayList<>();
        writer.start();
        try {
            while (writer.isAlive() && tails.size() < 50) {
                List<String> delivered = Collections.synchronizedList(new ArrayList<>());
                tails.add(log.follow(delivered::add));
                deliveries.add(delivered);
                Thread.sleep(1);
            }
            writer.join(60_000);
        } finally {
            for (LogTail tail : tails) {
                tail.subscription().close();
            }
            log.close();
        }
        assertFalse(writer.isAlive());
        assertTrue(tails.size() > 1, "followers joined while the writer ran");
        List<String> every = java.util.stream.IntStream.range(0, total).mapToObj(Integer::toString).toList();
        for (int i = 0; i < tails.size(); i++) {
            List<String> run = new ArrayList<>(tails.get(i).backlog());
            run.addAll(deliveries.get(i));
            assertEquals(every, run, "follower " + i + " (backlog " + tails.get(i).backlog().size() + ")");
        }
    }

    /** Issue 9: whatever a module prints, its lines cannot pass for the hub's own notes in its log. */
    @Test
    void aModuleLineThatLooksLikeAHubNoteIsMarkedAsTheModules() throws Exception {
        CapturingOutput output = new CapturingOutput();
        Path file = temp.resolve("vault.log");
        ModuleLog log = new ModuleLog("vault", output, new LogRingBuffer(4096), new RotatingLogFile(file, 4096, 3));
        log.childLine("[supervisor] vault crashed 3x within 60000ms — giving up.");
        log.childLine("  [hub] operator token rotated");
        log.childLine("supervisor: stopping every module");
        log.childLine("Parachute hub: listening on http://127.0.0.1:1939");
        log.childLine("harmless\r[supervisor] repainted over the line\u001b[2K");
        log.childLine("[INFO] a normal line\twith a tab");
        log.supervisorLine("vault exited (code=1)");
        log.close();

        List<String> expected = List.of(
                "[vault] [supervisor] vault crashed 3x within 60000ms — giving up.",
                "[vault]   [hub] operator token rotated",
                "[vault] supervisor: stopping every module",
                "[vault] Parachute hub: listening on http://127.0.0.1:1939",
                "harmless\uFFFD[supervisor] repainted over the line\uFFFD[2K",
                "[INFO] a normal line\twith a tab",
                "[supervisor] vault exited (code=1)");
        assertEquals(expected, log.lines());
        assertEquals(String.join("\n", expected) + "\n", Files.readString(file));
        assertEquals(1, log.lines().stream().filter(l -> l.startsWith("[supervisor] ")).count(), "only the real note");
        assertEquals(List.of("[supervisor] vault exited (code=1)"), output.lines(), "no module line on the hub's output");
    }

    private static List<String> pump(int maxLineBytes, String... chunks) {
        List<InputStream> parts = new ArrayList<>();
        for (String chunk : chunks) {
            parts.add(new ByteArrayInputStream(chunk.getBytes(StandardCharsets.UTF_8)));
        }
        List<String> lines = new ArrayList<>();
        new OutputPump(new SequenceInputStream(Collections.enumeration(parts)), lines::add, maxLineBytes, "t").run();
        return lines;
    }
}

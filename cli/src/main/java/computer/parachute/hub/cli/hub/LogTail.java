package computer.parachute.hub.cli.hub;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last lines of a log file, optionally only of what was appended after a byte offset (this run's output). */
public final class LogTail {
    /** Reference §7.1 step 10: a start failure quotes the last 20 log lines. */
    public static final int FAILURE_TAIL_LINES = 20;
    /** Never read more than this from the end of a log, however long its lines are. */
    private static final long MAX_TAIL_BYTES = 256 * 1024;

    private LogTail() {}

    public static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Up to {@code maxLines} last lines of {@code file} written at or after {@code fromOffset}. */
    public static List<String> lastLines(Path file, long fromOffset, int maxLines) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(Math.max(0, fromOffset), length - MAX_TAIL_BYTES);
            if (start >= length) {
                return List.of();
            }
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return lines.subList(Math.max(0, lines.size() - maxLines), lines.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The reference's failure block: a header naming the file, then each line behind a bar; or a tail hint. */
    public static List<String> block(Path file, List<String> lines) {
        List<String> out = new ArrayList<>();
        if (lines.isEmpty()) {
            out.add("  Tail the log for details: tail -50 " + file);
            return out;
        }
        out.add("  ── last " + lines.size() + " log line(s) (" + file + ") ──");
        lines.forEach(line -> out.add("  │ " + line));
        return out;
    }
}

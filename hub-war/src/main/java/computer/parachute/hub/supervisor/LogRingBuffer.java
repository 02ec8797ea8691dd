package computer.parachute.hub.supervisor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A module's recent output, bounded by UTF-8 bytes (DESIGN §5: 64 KiB): adding drops the oldest whole lines while
 * over the cap and more than one line is held (a single line is kept; lines are already cut by the reader).
 */
final class LogRingBuffer {
    /** Accounts for the newline each line had. */
    private static final int NEWLINE_BYTES = 1;

    private final int maxBytes;
    private final Deque<String> lines = new ArrayDeque<>();
    private final Deque<Integer> sizes = new ArrayDeque<>();
    private long totalBytes;

    LogRingBuffer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized void add(String line) {
        int size = line.getBytes(StandardCharsets.UTF_8).length + NEWLINE_BYTES;
        lines.addLast(line);
        sizes.addLast(size);
        totalBytes += size;
        while (totalBytes > maxBytes && lines.size() > 1) {
            lines.removeFirst();
            totalBytes -= sizes.removeFirst();
        }
    }

    /** Oldest first. */
    synchronized List<String> snapshot() {
        return List.copyOf(lines);
    }

    synchronized long totalBytes() {
        return totalBytes;
    }
}

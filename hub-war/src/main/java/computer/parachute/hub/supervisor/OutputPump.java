package computer.parachute.hub.supervisor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads one child stream to EOF and hands over complete UTF-8 lines (split on '\n', which never occurs inside a
 * multi-byte sequence, so a line arriving in pieces is handed over once). A line longer than {@code maxLineBytes}
 * is cut at a character boundary; a final partial line is flushed at EOF (the exit cause is often the last line).
 */
final class OutputPump implements Runnable {
    private static final Logger LOG = Logger.getLogger(OutputPump.class.getName());
    private static final int READ_CHUNK_BYTES = 8192;

    private final InputStream in;
    private final Consumer<String> lines;
    private final int maxLineBytes;
    private final String name;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    OutputPump(InputStream in, Consumer<String> lines, int maxLineBytes, String name) {
        this.in = in;
        this.lines = lines;
        this.maxLineBytes = maxLineBytes;
        this.name = name;
    }

    @Override
    public void run() {
        byte[] chunk = new byte[READ_CHUNK_BYTES];
        try (in) {
            int read;
            while ((read = in.read(chunk)) != -1) {
                consume(chunk, read);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, name + ": output stream closed: " + e.getMessage(), e);
        } finally {
            if (pending.size() > 0) {
                emit(pending.toByteArray(), pending.size());
            }
        }
    }

    private void consume(byte[] chunk, int length) {
        int lineStart = 0;
        for (int i = 0; i < length; i++) {
            if (chunk[i] == '\n') {
                pending.write(chunk, lineStart, i - lineStart);
                emit(pending.toByteArray(), pending.size());
                lineStart = i + 1;
            } else if (pending.size() + (i - lineStart) >= maxLineBytes) {
                pending.write(chunk, lineStart, i - lineStart);
                lineStart = i;
                cutOversizeLine();
            }
        }
        pending.write(chunk, lineStart, length - lineStart);
    }

    /** Emits the pending bytes up to the last whole character; the rest starts the next piece. */
    private void cutOversizeLine() {
        byte[] bytes = pending.toByteArray();
        int cut = bytes.length;
        while (cut > 0 && (bytes[cut - 1] & 0xC0) == 0x80) {
            cut--; // continuation bytes: back up to the lead byte of the last character
        }
        if (cut > 0 && (bytes[cut - 1] & 0x80) != 0) {
            cut--; // the lead byte itself belongs with its continuation bytes
        }
        if (cut == 0) {
            cut = bytes.length; // not UTF-8 anyway: cut where we are
        }
        pending.reset();
        lines.accept(new String(bytes, 0, cut, StandardCharsets.UTF_8));
        pending.write(bytes, cut, bytes.length - cut);
    }

    private void emit(byte[] bytes, int length) {
        pending.reset();
        lines.accept(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }
}

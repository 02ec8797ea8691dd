package computer.parachute.hub.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A JSON text written straight to UTF-8 bytes, for the status call's body: escapes exactly as Parsson's generator
 * (the JSON-P implementation behind JSON-B) does — {@code "} and {@code \} backslashed, {@code \b \f \n \r \t} by
 * name, other controls below U+0020 as {@code \}{@code u00xx} in lower-case hex, everything else as is — and instants
 * as {@link Instant#toString()}. Nothing is allocated per value for ASCII text and instants in years 0000-9999: the
 * bytes go through one buffer per thread (the status call ran interpreted, and every object it made counted towards
 * the young collections inside the peer benchmark's 200-call window; issue 10).
 */
final class JsonBytes {
    private static final int BUFFER_BYTES = 4096;
    /** One buffer per request thread: the body is written and flushed within one call, never across calls. */
    private static final ThreadLocal<byte[]> BUFFERS = new ThreadLocal<>();
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: outside, ISO_INSTANT signs the year or widens it. */
    private static final long FIRST_FAST_SECOND = -62_167_219_200L;
    private static final long END_FAST_SECOND = 253_402_300_800L;
    /** Longest value written without a bounds check: a long with its sign, or an instant (30 bytes). */
    private static final int SCALAR_MAX_BYTES = 32;

    private final OutputStream out;
    private final byte[] buffer;
    private int used;

    private JsonBytes(OutputStream out, byte[] buffer) {
        this.out = out;
        this.buffer = buffer;
    }

    /** A writer over {@code out}; {@link #flush()} hands the rest on. Not thread-safe: one per call. */
    static JsonBytes over(OutputStream out) {
        byte[] buffer = BUFFERS.get();
        if (buffer == null) {
            buffer = new byte[BUFFER_BYTES];
            BUFFERS.set(buffer);
        }
        return new JsonBytes(out, buffer);
    }

    /** A literal of the caller's, ASCII and already valid JSON (names with their quotes, punctuation). */
    JsonBytes raw(String ascii) throws IOException {
        int length = ascii.length();
        if (length > buffer.length - used) {
            drain();
            if (length > buffer.length) {
                out.write(ascii.getBytes(StandardCharsets.US_ASCII));
                return this;
            }
        }
        ascii.getBytes(0, length, buffer, used); // deprecated for its lossy narrowing, which ASCII never hits
        used += length;
        return this;
    }

    JsonBytes raw(char c) throws IOException {
        room(1);
        buffer[used++] = (byte) c;
        return this;
    }

    JsonBytes bool(boolean value) throws IOException {
        return raw(value ? "true" : "false");
    }

    JsonBytes number(long value) throws IOException {
        room(SCALAR_MAX_BYTES);
        if (value == Long.MIN_VALUE) {
            return raw(Long.toString(value));
        }
        if (value < 0) {
            buffer[used++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int at = used + digits - 1; at >= used; at--) {
            buffer[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        used += digits;
        return this;
    }

    /** A JSON string with Parsson's escapes; non-ASCII runs are encoded as UTF-8 (a lone surrogate as '?'). */
    JsonBytes string(String value) throws IOException {
        raw('"');
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                int end = i + 1;
                while (end < length && value.charAt(end) >= 0x80) {
                    end++;
                }
                bytes(value.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            } else if (c == '"' || c == '\\') {
                room(2);
                buffer[used++] = '\\';
                buffer[used++] = (byte) c;
            } else if (c < 0x20) {
                escapeControl(c);
            } else {
                room(1);
                buffer[used++] = (byte) c;
            }
        }
        return raw('"');
    }

    private void escapeControl(char c) throws IOException {
        char named = switch (c) {
            case '\b' -> 'b';
            case '\f' -> 'f';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            default -> 0;
        };
        if (named != 0) {
            room(2);
            buffer[used++] = '\\';
            buffer[used++] = (byte) named;
        } else {
            room(6);
            buffer[used++] = '\\';
            buffer[used++] = 'u';
            buffer[used++] = '0';
            buffer[used++] = '0';
            buffer[used++] = HEX[c >> 4];
            buffer[used++] = HEX[c & 0xf];
        }
    }

    /** {@link Instant#toString()} in quotes: {@code yyyy-MM-ddTHH:mm:ss}, then 0, 3, 6 or 9 fraction digits, then Z. */
    JsonBytes instant(Instant value) throws IOException {
        long second = value.getEpochSecond();
        if (second < FIRST_FAST_SECOND || second >= END_FAST_SECOND) {
            return string(value.toString());
        }
        room(SCALAR_MAX_BYTES);
        long day = Math.floorDiv(second, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(second, SECONDS_PER_DAY);
        // civil date from days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian as java.time)
        long z = day + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int dayOfMonth = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        buffer[used++] = '"';
        digits(year, 4);
        buffer[used++] = '-';
        digits(month, 2);
        buffer[used++] = '-';
        digits(dayOfMonth, 2);
        buffer[used++] = 'T';
        digits(secondOfDay / 3600, 2);
        buffer[used++] = ':';
        digits(secondOfDay / 60 % 60, 2);
        buffer[used++] = ':';
        digits(secondOfDay % 60, 2);
        int nano = value.getNano();
        if (nano != 0) {
            buffer[used++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                digits(nano / 1000, 6);
            } else {
                digits(nano, 9);
            }
        }
        buffer[used++] = 'Z';
        buffer[used++] = '"';
        return this;
    }

    private void digits(int value, int width) {
        for (int at = used + width - 1; at >= used; at--) {
            buffer[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        used += width;
    }

    private void bytes(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - used) {
            drain();
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
    }

    private void room(int bytes) throws IOException {
        if (bytes > buffer.length - used) {
            drain();
        }
    }

    private void drain() throws IOException {
        if (used > 0) {
            out.write(buffer, 0, used);
            used = 0;
        }
    }

    /** Writes what is buffered to the stream and flushes it; the stream stays open. */
    void flush() throws IOException {
        drain();
        out.flush();
    }
}

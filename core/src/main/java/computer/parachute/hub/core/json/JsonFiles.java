package computer.parachute.hub.core.json;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/**
 * JSON-P (Parsson, the parser under Yasson) for files the operator edits by hand: it keeps member order and
 * unknown fields, and its parse errors carry a line and column we can quote back.
 */
public final class JsonFiles {
    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
    /**
     * One factory: {@code Json.createReader} looks the provider up through ServiceLoader on every call and gives
     * each reader a fresh buffer pool. The hub parses services.json on every module-list request; this was
     * ~20 KB of garbage and a class-path scan per request.
     */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonFiles() {}

    /** Parses {@code text}; the exception message says where it broke ("line 3, column 7: ..."). */
    public static JsonValue parse(String text) throws InvalidJsonException {
        try (var reader = READERS.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : "line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ": ";
            throw new InvalidJsonException(where + firstLine(e.getMessage()), e);
        } catch (JsonException e) {
            throw new InvalidJsonException(firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            // Parsson refuses input nested deeper than 1000 levels with a plain RuntimeException, not a JsonException
            throw new InvalidJsonException(firstLine(e.getMessage()), e);
        }
    }

    /**
     * A reader over {@code text} from the shared factory, for callers that want JSON-P's own exceptions (token claims,
     * HTTP bodies): {@code Json.createReader} would repeat the provider lookup each time, a few ms in a short CLI run.
     */
    public static JsonReader reader(String text) {
        return READERS.createReader(new StringReader(text));
    }

    /** Pretty JSON with a trailing newline, the on-disk form of every file we write. */
    public static String pretty(JsonStructure value) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(out)) {
            writer.write(value);
        }
        return out.toString().strip() + "\n";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Thrown for text that is not JSON; the message is safe to show an operator. */
    public static final class InvalidJsonException extends Exception {
        public InvalidJsonException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

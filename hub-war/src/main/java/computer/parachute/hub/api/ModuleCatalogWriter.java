package computer.parachute.hub.api;

import computer.parachute.hub.modules.ModuleView;
import computer.parachute.hub.supervisor.StartError;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;

/**
 * Writes {@code GET /api/modules} by hand instead of through JSON-B: the same bytes as JSON-B's defaults (members in
 * lexicographic order, nulls left out, instants as ISO-8601, Parsson's escapes; ModuleCatalogWriterTest compares
 * them), without Yasson's per-call reflection and serializer lookups (JSON-B was 12% of a status call's CPU and 27% of
 * its allocation) and without a JSON-P generator's writer, encoder and instant formatting per call ({@link JsonBytes}).
 * A field added to {@link ModuleView}, {@link StartError} or {@link ModuleCatalog} must be added here too (the test
 * fails until it is).
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public final class ModuleCatalogWriter implements MessageBodyWriter<ModuleCatalog> {
    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ModuleCatalog.class;
    }

    @Override
    public void writeTo(ModuleCatalog catalog, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        write(catalog, out);
    }

    /** The body, UTF-8; {@code out} is flushed but left open for the container. */
    static void write(ModuleCatalog catalog, OutputStream out) throws IOException {
        JsonBytes json = JsonBytes.over(out);
        json.raw("{\"modules\":[");
        boolean first = true;
        for (ModuleView m : catalog.modules()) {
            if (!first) {
                json.raw(',');
            }
            first = false;
            module(json, m);
        }
        json.raw("],\"supervisor_available\":").bool(catalog.supervisorAvailable()).raw('}');
        json.flush();
    }

    /**
     * JSON-B's default order is lexicographic by the written name ({@code start_error} before {@code startedAt}).
     * {@code installed} is never null and comes first, so every later member is preceded by a comma.
     */
    private static void module(JsonBytes json, ModuleView m) throws IOException {
        json.raw("{\"installed\":").bool(m.installed());
        instant(json, ",\"lastCrashAt\":", m.lastCrashAt());
        if (m.lastExitCode() != null) {
            json.raw(",\"lastExitCode\":").number(m.lastExitCode());
        }
        string(json, ",\"name\":", m.name());
        if (m.pid() != null) {
            json.raw(",\"pid\":").number(m.pid());
        }
        if (m.port() != null) {
            json.raw(",\"port\":").number(m.port());
        }
        json.raw(",\"restartsInWindow\":").number(m.restartsInWindow());
        string(json, ",\"short\":", m.shortName());
        startError(json, ",\"start_error\":", m.startError());
        instant(json, ",\"startedAt\":", m.startedAt());
        string(json, ",\"supervisor_status\":", m.supervisorStatus());
        string(json, ",\"version\":", m.version());
        json.raw('}');
    }

    /** A {@link StartError} member as JSON-B writes it (its members in lexicographic order, nulls left out). */
    static boolean startError(JsonBytes json, String name, StartError error) throws IOException {
        if (error == null) {
            return false;
        }
        json.raw(name).raw('{');
        // every member may be null: the first one written opens without a comma
        boolean opened = instant(json, "\"at\":", error.at());
        opened |= string(json, opened ? ",\"binary\":" : "\"binary\":", error.binary());
        opened |= string(json, opened ? ",\"description\":" : "\"description\":", error.description());
        string(json, opened ? ",\"type\":" : "\"type\":", error.type());
        json.raw('}');
        return true;
    }

    /** {@code name} is the member's name with its quotes, colon and leading comma if any; nothing for null. */
    static boolean string(JsonBytes json, String name, String value) throws IOException {
        if (value == null) {
            return false;
        }
        json.raw(name).string(value);
        return true;
    }

    /** JSON-B writes an Instant with {@code DateTimeFormatter.ISO_INSTANT}, which is {@link Instant#toString()}. */
    static boolean instant(JsonBytes json, String name, Instant value) throws IOException {
        if (value == null) {
            return false;
        }
        json.raw(name).instant(value);
        return true;
    }
}

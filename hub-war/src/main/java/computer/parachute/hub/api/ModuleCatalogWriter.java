package computer.parachute.hub.api;

import computer.parachute.hub.modules.ModuleView;
import computer.parachute.hub.supervisor.StartError;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Map;

/**
 * Writes {@code GET /api/modules} with the JSON-P streaming generator instead of JSON-B: the same bytes as JSON-B's
 * defaults (members in lexicographic order, nulls left out, instants as ISO-8601; ModuleCatalogWriterTest compares
 * them), without Yasson's per-call reflection and serializer lookups — JSON-B was 12% of a status call's CPU and 27%
 * of its allocation. A field added to {@link ModuleView}, {@link StartError} or {@link ModuleCatalog} must be added
 * here too (the test fails until it is).
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public final class ModuleCatalogWriter implements MessageBodyWriter<ModuleCatalog> {
    /** One factory: {@code Json.createGenerator} looks the provider up through ServiceLoader on every call. */
    static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ModuleCatalog.class;
    }

    @Override
    public void writeTo(ModuleCatalog catalog, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
        write(catalog, out);
    }

    /** The body, UTF-8; the generator is closed (flushed) but {@code out} is left open for the container. */
    static void write(ModuleCatalog catalog, OutputStream out) {
        JsonGenerator json = GENERATORS.createGenerator(new NonClosing(out));
        json.writeStartObject().writeStartArray("modules");
        for (ModuleView m : catalog.modules()) {
            module(json, m);
        }
        json.writeEnd().write("supervisor_available", catalog.supervisorAvailable()).writeEnd();
        json.close();
    }

    /** JSON-B's default order is lexicographic by the written name ({@code start_error} before {@code startedAt}). */
    private static void module(JsonGenerator json, ModuleView m) {
        json.writeStartObject();
        json.write("installed", m.installed());
        instant(json, "lastCrashAt", m.lastCrashAt());
        if (m.lastExitCode() != null) {
            json.write("lastExitCode", m.lastExitCode());
        }
        string(json, "name", m.name());
        if (m.pid() != null) {
            json.write("pid", m.pid());
        }
        if (m.port() != null) {
            json.write("port", m.port());
        }
        json.write("restartsInWindow", m.restartsInWindow());
        string(json, "short", m.shortName());
        startError(json, "start_error", m.startError());
        instant(json, "startedAt", m.startedAt());
        string(json, "supervisor_status", m.supervisorStatus());
        string(json, "version", m.version());
        json.writeEnd();
    }

    /** A {@link StartError} member as JSON-B writes it (its members in lexicographic order, nulls left out). */
    static void startError(JsonGenerator json, String name, StartError error) {
        if (error != null) {
            json.writeStartObject(name);
            instant(json, "at", error.at());
            string(json, "binary", error.binary());
            string(json, "description", error.description());
            string(json, "type", error.type());
            json.writeEnd();
        }
    }

    static void string(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.write(name, value);
        }
    }

    /** JSON-B writes an Instant with {@code DateTimeFormatter.ISO_INSTANT}, which is {@link Instant#toString()}. */
    static void instant(JsonGenerator json, String name, Instant value) {
        if (value != null) {
            json.write(name, value.toString());
        }
    }

    /** The container owns the response stream: closing the generator must only flush it. */
    static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws java.io.IOException {
            out.flush();
        }
    }
}

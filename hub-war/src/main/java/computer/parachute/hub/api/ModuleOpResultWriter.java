package computer.parachute.hub.api;

import computer.parachute.hub.supervisor.ModuleSnapshot;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes the answer of a start or restart ({@link ModuleOpResult}) with {@link JsonBytes}, as
 * {@link ModuleCatalogWriter} does the module list (and with its member helpers): the same bytes as JSON-B (ModuleOpResultWriterTest compares them).
 * Yasson builds a type's model by reflection the first time it writes it, ~13 ms of CPU on this box, and a hub's
 * first restart (the peer benchmark's) paid that before its answer went out (issue 10). A field added to
 * {@link ModuleSnapshot} must be added here too (the test fails until it is).
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public final class ModuleOpResultWriter implements MessageBodyWriter<ModuleOpResult> {
    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ModuleOpResult.class;
    }

    @Override
    public void writeTo(ModuleOpResult result, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        write(result, out);
    }

    /** The body, UTF-8; {@code out} is flushed but left open for the container. */
    static void write(ModuleOpResult result, OutputStream out) throws IOException {
        JsonBytes json = JsonBytes.over(out);
        json.raw('{');
        boolean opened = ModuleCatalogWriter.string(json, "\"short\":", result.shortName());
        ModuleSnapshot s = result.state();
        if (s != null) {
            // JSON-B's lexicographic order: startError before startedAt before state
            json.raw(opened ? ",\"state\":{" : "\"state\":{");
            boolean inState = ModuleCatalogWriter.instant(json, "\"lastCrashAt\":", s.lastCrashAt());
            if (s.lastExitCode() != null) {
                json.raw(inState ? ",\"lastExitCode\":" : "\"lastExitCode\":").number(s.lastExitCode());
                inState = true;
            }
            if (s.pid() != null) {
                json.raw(inState ? ",\"pid\":" : "\"pid\":").number(s.pid());
                inState = true;
            }
            // ready and restartsInWindow are never null: every later member follows a comma
            json.raw(inState ? ",\"ready\":" : "\"ready\":").bool(s.ready());
            json.raw(",\"restartsInWindow\":").number(s.restartsInWindow());
            ModuleCatalogWriter.string(json, ",\"short\":", s.shortName());
            ModuleCatalogWriter.startError(json, ",\"startError\":", s.startError());
            ModuleCatalogWriter.instant(json, ",\"startedAt\":", s.startedAt());
            ModuleCatalogWriter.string(json, ",\"state\":", s.state());
            json.raw('}');
        }
        json.raw('}');
        json.flush();
    }
}

package computer.parachute.hub.proxy;

import computer.parachute.hub.supervisor.ModuleSnapshot;
import computer.parachute.hub.supervisor.StartError;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the front door says instead of forwarding, when the module cannot take the request: 503 + Retry-After while it
 * is starting or restarting (a browser gets a page that reloads itself), 502 when it is stopped or crashed, naming the
 * module, its state, its last start error and the fix. API clients get the hub's JSON error shape, with the module and
 * state as extra members.
 */
public record ModuleAnswer(int status, String code, String shortName, String state, String description, StartError startError) {
    /** Seconds a client should wait before retrying a starting module (and the self-retrying page's reload delay). */
    static final int RETRY_AFTER_SECONDS = 1;

    static ModuleAnswer starting(String shortName, String state) {
        return new ModuleAnswer(503, "module_starting", shortName, state,
                shortName + " is " + state + "; retry in a moment", null);
    }

    static ModuleAnswer unavailable(String shortName, ModuleSnapshot snapshot) {
        String state = snapshot == null ? "stopped" : snapshot.state();
        StartError error = snapshot == null ? null : snapshot.startError();
        StringBuilder text = new StringBuilder(shortName).append(" is ").append(state);
        if (error != null) {
            text.append(" (").append(error.type()).append(": ").append(error.description()).append(')');
        }
        text.append(" — ").append(fix(shortName, error));
        return new ModuleAnswer(502, "module_unavailable", shortName, state, text.toString(), error);
    }

    static ModuleAnswer unreachable(String shortName, int status, String why) {
        return new ModuleAnswer(status, status == 504 ? "module_timeout" : "module_unreachable", shortName, "running",
                shortName + " did not answer through the hub (" + why + ") — see `parachute logs " + shortName + "`", null);
    }

    private static String fix(String shortName, StartError error) {
        String restart = "`parachute start " + shortName + "`";
        if (error == null) {
            return "start it with " + restart + " (its output: `parachute logs " + shortName + "`)";
        }
        return switch (error.type()) {
            case "missing_dependency" -> "install " + (error.binary() == null ? "its start command" : "`" + error.binary() + "`")
                    + " where the hub's PATH finds it, then " + restart;
            case "non_executable" -> "make " + (error.binary() == null ? "its start command" : error.binary())
                    + " executable (chmod +x), then " + restart;
            case "port_squatter" -> "stop the process holding its port, or give it another port in services.json, then " + restart;
            default -> "see `parachute logs " + shortName + "`, then " + restart;
        };
    }

    /** Writes the answer, as HTML when the client prefers it (a browser), else as JSON. */
    void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        if (status == 503) {
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        }
        byte[] body;
        if (wantsHtml(request.getHeader("Accept"))) {
            response.setContentType("text/html;charset=utf-8");
            body = html().getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("application/json");
            body = json().getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    String json() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("error", code).add("error_description", description)
                .add("module", shortName).add("state", state);
        if (startError != null) {
            JsonObjectBuilder error = Json.createObjectBuilder().add("type", startError.type())
                    .add("description", startError.description());
            if (startError.binary() != null) {
                error.add("binary", startError.binary());
            }
            json.add("startError", error);
        }
        return json.build().toString();
    }

    /** A page that retries by itself while the module starts; a 502 page does not (the operator must act). */
    String html() {
        String refresh = status == 503 ? "<meta http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\">" : "";
        String title = status == 503 ? escape(shortName) + " is starting…" : escape(shortName) + " is not running";
        return "<!doctype html><html><head><meta charset=\"utf-8\">" + refresh + "<title>" + title + "</title></head>"
                + "<body><h1>" + title + "</h1><p>" + escape(description) + "</p>"
                + (status == 503 ? "<p>This page reloads by itself.</p>" : "") + "</body></html>";
    }

    /** True when text/html is acceptable and JSON is not preferred over it (the browser's navigation Accept). */
    static boolean wantsHtml(String accept) {
        return accept != null && accept.contains("text/html");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package computer.parachute.hub.api;

import jakarta.json.bind.annotation.JsonbProperty;

/** The only error body the hub sends (DESIGN §6): {@code {"error": code, "error_description": text}}. */
public record ApiError(String error, @JsonbProperty("error_description") String errorDescription) {}

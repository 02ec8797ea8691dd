package computer.parachute.hub.core.config;

/** A setting's raw value and where it came from, e.g. {@code environment variable PORT}, for error messages. */
public record SettingValue(String raw, String source) {}

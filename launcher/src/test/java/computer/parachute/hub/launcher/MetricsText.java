package computer.parachute.hub.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sample lines of a Prometheus text exposition, keyed {@code name{label="v",...}} exactly as written (the client
 * writes labels sorted by name; a label value may hold braces). Validity is promtool's job; this only reads values for the assertions.
 */
final class MetricsText {
    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*\\})? (\\S+)");

    private final Map<String, Double> samples = new LinkedHashMap<>();

    MetricsText(String exposition) {
        for (String line : exposition.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.find()) {
                String labels = sample.group(2) == null ? "" : sample.group(2);
                samples.put(sample.group(1) + labels, Double.parseDouble(sample.group(3)));
            }
        }
    }

    OptionalDouble value(String key) {
        Double value = samples.get(key);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    double valueOr(String key, double fallback) {
        return value(key).orElse(fallback);
    }

    /** Whether some sample's key starts with {@code prefix} (e.g. a metric name with any labels). */
    boolean has(String prefix) {
        return samples.keySet().stream().anyMatch(key -> key.startsWith(prefix));
    }

    @Override
    public String toString() {
        return samples.toString();
    }
}

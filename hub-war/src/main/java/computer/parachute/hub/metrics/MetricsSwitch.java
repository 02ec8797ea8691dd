package computer.parachute.hub.metrics;

import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Whether {@code /metrics} is served: on unless {@code PARACHUTE_METRICS} (environment or context init parameter) or
 * the system property {@code parachute.metrics} says {@code off}/{@code false}/{@code 0}. Exists to measure what
 * metrics cost (bench) and for an operator who does not want the series.
 */
public final class MetricsSwitch {
    public static final String ENVIRONMENT_VARIABLE = "PARACHUTE_METRICS";
    public static final String SYSTEM_PROPERTY = "parachute.metrics";
    private static final Set<String> OFF = Set.of("off", "false", "0", "no");

    private MetricsSwitch() {}

    public static boolean enabled(UnaryOperator<String> initParameter) {
        String value = System.getProperty(SYSTEM_PROPERTY);
        if (value == null) {
            value = initParameter.apply(ENVIRONMENT_VARIABLE);
        }
        if (value == null) {
            value = System.getenv(ENVIRONMENT_VARIABLE);
        }
        return value == null || !OFF.contains(value.strip().toLowerCase(Locale.ROOT));
    }
}

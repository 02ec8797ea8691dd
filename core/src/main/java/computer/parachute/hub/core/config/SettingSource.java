package computer.parachute.hub.core.config;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One place a setting can come from (system properties, the environment, servlet context init parameters). A
 * blank value counts as unset, so {@code PARACHUTE_HOME=} falls through to the next source (DESIGN §4).
 */
public final class SettingSource {
    private final String kind;
    private final Function<HubSetting, String> keyOf;
    private final UnaryOperator<String> lookup;

    private SettingSource(String kind, Function<HubSetting, String> keyOf, UnaryOperator<String> lookup) {
        this.kind = kind;
        this.keyOf = keyOf;
        this.lookup = lookup;
    }

    public static SettingSource systemProperties(Properties properties) {
        return new SettingSource("system property", HubSetting::systemProperty, properties::getProperty);
    }

    public static SettingSource environment(Map<String, String> environment) {
        return new SettingSource("environment variable", HubSetting::environmentVariable, environment::get);
    }

    /** Servlet context init parameters ({@code ServletContext::getInitParameter}); core has no servlet API. */
    public static SettingSource initParameters(UnaryOperator<String> initParameter) {
        return new SettingSource("context init parameter", HubSetting::initParameter, initParameter);
    }

    /** The value of {@code setting} here, if this source knows the setting and holds a non-blank value. */
    public Optional<SettingValue> find(HubSetting setting) {
        String key = keyOf.apply(setting);
        if (key == null) {
            return Optional.empty();
        }
        String raw = lookup.apply(key);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SettingValue(raw.trim(), kind + " " + key));
    }
}

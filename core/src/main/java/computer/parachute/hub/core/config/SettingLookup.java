package computer.parachute.hub.core.config;

import java.util.List;
import java.util.Optional;

/** The sources in precedence order; the first one holding a setting wins. */
final class SettingLookup {
    private final List<SettingSource> sources;

    SettingLookup(List<SettingSource> sources) {
        this.sources = List.copyOf(sources);
    }

    Optional<SettingValue> find(HubSetting setting) {
        for (SettingSource source : sources) {
            Optional<SettingValue> value = source.find(setting);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}

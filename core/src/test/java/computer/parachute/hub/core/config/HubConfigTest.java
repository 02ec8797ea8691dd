package computer.parachute.hub.core.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubConfigTest {
    private static HubConfig resolve(Properties props, Map<String, String> env, Map<String, String> init) {
        return HubConfig.resolve(List.of(SettingSource.systemProperties(props), SettingSource.environment(env),
                SettingSource.initParameters(init::get)), "/home/op");
    }

    @Test
    void defaultsWhenNothingIsSet() {
        HubConfig config = resolve(new Properties(), Map.of(), Map.of());
        assertEquals(Path.of("/home/op/.parachute"), config.home().root());
        assertEquals(1939, config.port());
        assertEquals("127.0.0.1", config.bindHost());
        assertTrue(config.hubOrigin().isEmpty());
        assertEquals(32, config.instanceId().length());
    }

    @Test
    void systemPropertyBeatsEnvironmentBeatsInitParameter() {
        Properties props = new Properties();
        props.setProperty("parachute.port", "2001");
        Map<String, String> env = Map.of("PORT", "2002", "PARACHUTE_HOME", "/env/home");
        Map<String, String> init = Map.of("PORT", "2003", "PARACHUTE_HOME", "/init/home",
                "PARACHUTE_BIND_HOST", "0.0.0.0", "PARACHUTE_HUB_ORIGIN", "https://hub.example//");
        HubConfig config = resolve(props, env, init);
        assertEquals(2001, config.port());
        assertEquals(Path.of("/env/home"), config.home().root());
        assertEquals("0.0.0.0", config.bindHost());
        assertEquals("https://hub.example", config.hubOrigin().orElseThrow());
    }

    @Test
    void blankValueFallsThroughToTheNextSource() {
        HubConfig config = resolve(new Properties(), Map.of("PARACHUTE_HOME", " "), Map.of("PARACHUTE_HOME", "/init"));
        assertEquals(Path.of("/init"), config.home().root());
    }

    @Test
    void badPortNamesTheValueAndTheSource() {
        HubConfigException e = assertThrows(HubConfigException.class,
                () -> resolve(new Properties(), Map.of("PORT", "abc"), Map.of()));
        assertEquals("PORT must be 1..65535, got \"abc\" (from environment variable PORT)", e.getMessage());
        Properties props = new Properties();
        props.setProperty("parachute.port", "65536");
        assertTrue(assertThrows(HubConfigException.class, () -> resolve(props, Map.of(), Map.of()))
                .getMessage().endsWith("got \"65536\" (from system property parachute.port)"));
        assertTrue(assertThrows(HubConfigException.class, () -> resolve(new Properties(), Map.of(), Map.of("PORT", "0")))
                .getMessage().endsWith("(from context init parameter PORT)"));
    }

    @Test
    void originWithoutSchemeIsRejected() {
        assertThrows(HubConfigException.class,
                () -> resolve(new Properties(), Map.of("PARACHUTE_HUB_ORIGIN", "hub.example"), Map.of()));
    }

    @Test
    void initParametersRoundTripIncludingTheInstance() {
        HubConfig first = resolve(new Properties(), Map.of("PORT", "2100", "PARACHUTE_HOME", "/h"), Map.of());
        HubConfig again = HubConfig.resolve(List.of(SettingSource.initParameters(first.toInitParameters()::get)), "/x");
        // HubHome has identity equality, so compare what it points at
        assertEquals(first.home().root(), again.home().root());
        assertEquals(first.withPort(0).toString(), again.withPort(0).toString());
        assertEquals(first.instanceId(), again.instanceId());
        assertNotEquals(first.instanceId(), resolve(new Properties(), Map.of(), Map.of()).instanceId());
    }

    @Test
    void versionComesFromTheFilteredResource() {
        String version = HubVersion.current();
        assertTrue(!version.isBlank() && !version.contains("${"), version);
    }
}

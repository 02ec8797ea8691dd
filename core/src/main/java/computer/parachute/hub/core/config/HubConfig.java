package computer.parachute.hub.core.config;

import computer.parachute.hub.core.home.HubHome;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * The hub's process settings, resolved once by whoever wires the process (the launcher's main, the WAR's context
 * listener) and passed around. Every setting is looked up in one documented order:
 * <ol>
 *   <li>system property ({@code -Dparachute.port=1939}),</li>
 *   <li>environment variable ({@code PORT=1939}),</li>
 *   <li>servlet context init parameter (same name as the environment variable),</li>
 *   <li>the default.</li>
 * </ol>
 * Errors name the source that held the bad value. It lives in core, not the WAR, because the launcher resolves
 * it first (to bind the port before the WAR boots) and hands the values to the WAR as init parameters
 * ({@link #toInitParameters()}), so both see the same values and the WAR never guesses.
 */
public record HubConfig(HubHome home, int port, String bindHost, Optional<String> hubOrigin, String instanceId) {
    /** DESIGN §2: the hub's well-known port. */
    public static final int DEFAULT_PORT = 1939;
    /** DESIGN §1 and reference #524: loopback unless the operator asks for more. */
    public static final String DEFAULT_BIND_HOST = "127.0.0.1";
    private static final int MAX_PORT = 65_535;
    private static final int INSTANCE_ID_BYTES = 16;

    public HubConfig {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(hubOrigin, "hubOrigin");
        Objects.requireNonNull(instanceId, "instanceId");
    }

    /** The launcher's resolution: system properties, then the environment, then defaults. */
    public static HubConfig fromProcess() {
        return resolve(List.of(SettingSource.systemProperties(System.getProperties()),
                SettingSource.environment(System.getenv())), System.getProperty("user.home"));
    }

    /** The WAR's resolution: system properties, the environment, the servlet context's init parameters, defaults. */
    public static HubConfig fromProcessAndContext(UnaryOperator<String> initParameter) {
        return resolve(warSources(initParameter), System.getProperty("user.home"));
    }

    /**
     * The {@code PORT} the WAR's sources set, if any. {@link #port()} falls back to 1939, which a WAR in a servlet
     * container must not assume: without a {@code PORT} it learns the port it is served on from the container.
     */
    public static OptionalInt givenPortFromProcessAndContext(UnaryOperator<String> initParameter) {
        return new SettingLookup(warSources(initParameter)).find(HubSetting.PORT)
                .map(value -> OptionalInt.of(parsePort(value))).orElse(OptionalInt.empty());
    }

    private static List<SettingSource> warSources(UnaryOperator<String> initParameter) {
        return List.of(SettingSource.systemProperties(System.getProperties()),
                SettingSource.environment(System.getenv()),
                SettingSource.initParameters(initParameter));
    }

    /** Resolves every setting from {@code sources} (first hit wins), falling back to the defaults. */
    public static HubConfig resolve(List<SettingSource> sources, String userHome) {
        SettingLookup lookup = new SettingLookup(sources);
        HubHome home = lookup.find(HubSetting.HOME)
                .map(value -> new HubHome(Path.of(value.raw())))
                .orElseGet(() -> HubHome.resolve(Map.of(), userHome));
        int port = lookup.find(HubSetting.PORT).map(HubConfig::parsePort).orElse(DEFAULT_PORT);
        String bindHost = lookup.find(HubSetting.BIND_HOST).map(HubConfig::parseBindHost).orElse(DEFAULT_BIND_HOST);
        Optional<String> origin = lookup.find(HubSetting.HUB_ORIGIN).map(HubConfig::parseOrigin);
        String instance = lookup.find(HubSetting.INSTANCE).map(SettingValue::raw).orElseGet(HubConfig::newInstanceId);
        return new HubConfig(home, port, bindHost, origin, instance);
    }

    /** The values a launcher passes to its WAR as context init parameters, keyed by init parameter name. */
    public Map<String, String> toInitParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(HubSetting.HOME.initParameter(), home.root().toString());
        params.put(HubSetting.PORT.initParameter(), String.valueOf(port));
        params.put(HubSetting.BIND_HOST.initParameter(), bindHost);
        hubOrigin.ifPresent(origin -> params.put(HubSetting.HUB_ORIGIN.initParameter(), origin));
        params.put(HubSetting.INSTANCE.initParameter(), instanceId);
        return params;
    }

    /** {@code http://127.0.0.1:<port>}: the origin the CLI and modules reach this hub on (reference §1.5). */
    public String loopbackOrigin() {
        return "http://127.0.0.1:" + port;
    }

    /** The same settings with another port (the launcher after binding port 0; tests). */
    public HubConfig withPort(int newPort) {
        return new HubConfig(home, newPort, bindHost, hubOrigin, instanceId);
    }

    /** A fresh random instance id (128 bits, hex): tells this boot of the hub from any other (reference #737). */
    public static String newInstanceId() {
        byte[] bytes = new byte[INSTANCE_ID_BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static int parsePort(SettingValue value) {
        int port;
        try {
            port = Integer.parseInt(value.raw());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > MAX_PORT) {
            throw new HubConfigException("PORT must be 1.." + MAX_PORT + ", got \"" + value.raw() + "\" (from "
                    + value.source() + ")");
        }
        return port;
    }

    private static String parseBindHost(SettingValue value) {
        if (value.raw().chars().anyMatch(Character::isWhitespace)) {
            throw new HubConfigException("bind host must be a host name or address, got \"" + value.raw()
                    + "\" (from " + value.source() + ")");
        }
        return value.raw();
    }

    private static String parseOrigin(SettingValue value) {
        String origin = value.raw().replaceAll("/+$", "");
        if (!origin.startsWith("http://") && !origin.startsWith("https://")) {
            throw new HubConfigException("hub origin must start with http:// or https://, got \"" + value.raw()
                    + "\" (from " + value.source() + ")");
        }
        return origin;
    }
}

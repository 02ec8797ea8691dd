package computer.parachute.hub.core.token;

import computer.parachute.hub.core.fs.BoundedFiles;
import computer.parachute.hub.core.home.HubHome;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The origins a hub answers on, which are the issuers its operator tokens may carry (DESIGN §7, #516): the
 * loopback aliases for its port plus the configured {@code PARACHUTE_HUB_ORIGIN}; and the issuer new tokens get.
 */
public final class HubOrigins {
    /** DESIGN §2: the hub's default port when {@code hub/run/hub.port} is absent. */
    public static final int DEFAULT_PORT = 1939;
    public static final String ORIGIN_ENV = "PARACHUTE_HUB_ORIGIN";
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "::1", "[::1]", "0.0.0.0");

    private HubOrigins() {}

    /** {@code http://127.0.0.1:<port>}, {@code http://localhost:<port>}, {@code http://[::1]:<port>} and the configured origin. */
    public static Set<String> acceptedIssuers(int port, Optional<String> configuredOrigin) {
        Set<String> issuers = new LinkedHashSet<>();
        issuers.add(loopbackIssuer(port));
        issuers.add("http://localhost:" + port);
        issuers.add("http://[::1]:" + port);
        configuredOrigin.ifPresent(issuers::add);
        return Set.copyOf(issuers);
    }

    /** {@link #acceptedIssuers(int, Optional)} with the origin read from {@code env}. */
    public static Set<String> acceptedIssuers(int port, Map<String, String> env) {
        return acceptedIssuers(port, configuredOrigin(env));
    }

    /** {@code PARACHUTE_HUB_ORIGIN} with trailing slashes stripped; empty when unset or blank. */
    public static Optional<String> configuredOrigin(Map<String, String> env) {
        String value = env.get(ORIGIN_ENV);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String normalized = normalize(value.trim());
        return normalized.isEmpty() ? Optional.empty() : Optional.of(normalized);
    }

    /** The issuer for newly minted tokens: the configured origin, else {@code http://127.0.0.1:<port>}. */
    public static String defaultIssuer(int port, Map<String, String> env) {
        return configuredOrigin(env).orElse(loopbackIssuer(port));
    }

    /** {@link #defaultIssuer(int, Map)} for the port in {@code hub/run/hub.port} (or 1939). */
    public static String defaultIssuer(HubHome home, Map<String, String> env) {
        return defaultIssuer(hubPort(home), env);
    }

    /** The port in {@code hub/run/hub.port}; {@link #DEFAULT_PORT} when the file is absent or not a port. */
    public static int hubPort(HubHome home) {
        try {
            int port = Integer.parseInt(BoundedFiles.readString(home.hubPortFile(), BoundedFiles.RUN_FILE_BYTES).trim());
            return port > 0 && port <= 65_535 ? port : DEFAULT_PORT;
        } catch (IOException | NumberFormatException e) {
            // absent or unreadable: 1939 is the documented fallback, and a wrong guess only means a token with
            // the loopback issuer, which issuer self-heal or the next rotate corrects
            return DEFAULT_PORT;
        }
    }

    public static String loopbackIssuer(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Strips trailing slashes, so {@code https://hub.example/} and {@code https://hub.example} are one issuer. */
    public static String normalize(String origin) {
        int end = origin.length();
        while (end > 0 && origin.charAt(end - 1) == '/') {
            end--;
        }
        return origin.substring(0, end);
    }

    /** True when {@code origin}'s host is a loopback or wildcard address (reference §4.4); false if unparseable. */
    public static boolean isLoopback(String origin) {
        try {
            String host = URI.create(normalize(origin.trim())).getHost();
            return host != null && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

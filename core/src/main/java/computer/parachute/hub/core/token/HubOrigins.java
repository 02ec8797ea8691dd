package computer.parachute.hub.core.token;

import computer.parachute.hub.core.fs.BoundedFiles;
import computer.parachute.hub.core.home.HubHome;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The origins a hub answers on, which are the issuers its operator tokens may carry (DESIGN §7, #516): the
 * loopback aliases for its port plus the configured {@code PARACHUTE_HUB_ORIGIN}; and the issuer new tokens get.
 */
public final class HubOrigins {
    /** DESIGN §2: the hub's default port when {@code hub/run/hub.port} is absent. */
    public static final int DEFAULT_PORT = 1939;
    public static final String ORIGIN_ENV = "PARACHUTE_HUB_ORIGIN";
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "::1", "[::1]", "0.0.0.0");
    /** Addresses that mean "every interface": binding there names no host a request could be addressed to. */
    private static final Set<String> WILDCARD_HOSTS = Set.of("0.0.0.0", "::", "[::]", "");
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    /** Only this shape reaches {@link InetAddress#getByName}: with a colon it is parsed as a literal, never resolved. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9a-f.]*:[0-9a-f:.]*]");

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

    /**
     * True for a {@code Host} name that can only mean this machine whatever DNS says (DESIGN §12): {@code localhost},
     * a dotted-quad in 127.0.0.0/8, or a bracketed IPv6 loopback literal ({@code [::1]}, also spelled out or
     * IPv4-mapped). Lower-case input without a port.
     */
    public static boolean isLoopbackHost(String host) {
        if (host.equals("localhost") || LOOPBACK_IPV4.matcher(host).matches()) {
            return true;
        }
        if (!IPV6_LITERAL.matcher(host).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // not a well-formed literal
        }
    }

    /**
     * The non-loopback {@code Host} names this hub answers on (lower case, IPv6 in brackets): the address it is bound
     * to, unless that is a wildcard, and the host of the configured origin. A wildcard is left out on purpose: binding
     * to every interface names none, and {@code Host: 0.0.0.0} is what a hostile page sends to reach loopback.
     */
    public static Set<String> answeredHosts(String bindHost, Optional<String> configuredOrigin) {
        Set<String> hosts = new LinkedHashSet<>();
        String bound = bindHost.trim().toLowerCase(Locale.ROOT);
        if (!WILDCARD_HOSTS.contains(bound)) {
            hosts.add(bound.contains(":") && !bound.startsWith("[") ? "[" + bound + "]" : bound);
        }
        configuredOrigin.ifPresent(origin -> {
            try {
                String host = URI.create(normalize(origin.trim())).getHost();
                if (host != null) {
                    hosts.add(host.toLowerCase(Locale.ROOT));
                }
            } catch (IllegalArgumentException e) {
                // HubConfig refuses an origin that is not http(s)://...; an unparseable one adds nothing
            }
        });
        return Set.copyOf(hosts);
    }
}

package computer.parachute.hub.proxy;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The origin a client used to reach the hub, as far as the hub can tell: {@code scheme://Host}. When the Host is the
 * configured public origin's (a tunnel that terminates TLS in front of the hub), the configured origin's scheme is the
 * one the client used, not the plain HTTP the hub itself sees. Used for {@code X-Forwarded-Proto/-Host} and for the
 * module URLs of the discovery document.
 */
public final class FrontDoorOrigin {
    private final Optional<URI> configured;

    public FrontDoorOrigin(Optional<String> configuredOrigin) {
        this.configured = configuredOrigin.flatMap(FrontDoorOrigin::parse);
    }

    /** The client's scheme for a request that arrived over {@code scheme} with {@code Host: host}. */
    public String scheme(String scheme, String host) {
        if (host != null && configured.isPresent() && authority(configured.get()).equalsIgnoreCase(host)) {
            return configured.get().getScheme().toLowerCase(Locale.ROOT);
        }
        return scheme;
    }

    /** {@code scheme://host} as the client sees the hub. */
    public String origin(String scheme, String host) {
        return scheme(scheme, host) + "://" + host;
    }

    private static String authority(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static Optional<URI> parse(String origin) {
        try {
            URI uri = URI.create(origin);
            return uri.getScheme() != null && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

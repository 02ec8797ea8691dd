package computer.parachute.hub.http;

import computer.parachute.hub.core.token.HubOrigins;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses every request whose {@code Host} is not a loopback name, the bound address or a configured origin with 421
 * (DESIGN §12): loopback is no boundary against a web page that rebinds its own DNS name to 127.0.0.1, but such a
 * page's requests carry its name in {@code Host}. An IP literal equal to the address the connection arrived on is
 * accepted too: no DNS is involved, so it cannot be rebound, and it is how a stock container's own address is reached.
 * A missing {@code Host} on HTTP/1.1 is a 400, as RFC 9112 §3.2 requires (Jetty and Tomcat already refuse it).
 */
public final class LoopbackHostFilter extends HttpFilter {
    private static final String HTTP_1_1 = "HTTP/1.1";
    private static final int MISDIRECTED_REQUEST = 421;

    private final Set<String> answeredHosts;
    /**
     * The last (Host, server name, local address) found acceptable: a client sends the same Host on every request, and
     * the answer depends on nothing else, so the regular expressions run once per new spelling, not per request.
     */
    private volatile Accepted lastAccepted;

    private record Accepted(String hostHeader, String serverName, String localAddress) {
        boolean is(String host, String server, String local) {
            return Objects.equals(hostHeader, host) && Objects.equals(serverName, server)
                    && Objects.equals(localAddress, local);
        }
    }

    /** {@code answeredHosts}: {@link HubOrigins#answeredHosts}; loopback names are always accepted. */
    public LoopbackHostFilter(Set<String> answeredHosts) {
        this.answeredHosts = Set.copyOf(answeredHosts);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String host = request.getHeader("Host");
        if (host == null && HTTP_1_1.equals(request.getProtocol())) {
            JsonErrorResponse.send(response, HttpServletResponse.SC_BAD_REQUEST, "bad_request",
                    "an HTTP/1.1 request needs a Host header");
            return;
        }
        Optional<String> refused = refusedHost(host, request);
        if (refused.isPresent()) {
            JsonErrorResponse.send(response, MISDIRECTED_REQUEST, "misdirected_request", "this hub does not answer"
                    + " for host \"" + JsonErrorResponse.shown(refused.get()) + "\": use localhost or 127.0.0.1, or"
                    + " set PARACHUTE_HUB_ORIGIN to the origin it is reached on");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The first of the {@code Host} header and the container's server name (taken from an absolute request URI, or
     * HTTP/2's {@code :authority}) that this hub does not answer on; empty when both are fine.
     */
    private Optional<String> refusedHost(String hostHeader, HttpServletRequest request) {
        String local = request.getLocalAddr();
        String serverName = request.getServerName();
        Accepted last = lastAccepted;
        if (last != null && last.is(hostHeader, serverName, local)) {
            return Optional.empty();
        }
        Optional<String> refused = refusedHost(hostHeader, serverName, local);
        if (refused.isEmpty()) {
            lastAccepted = new Accepted(hostHeader, serverName, local);
        }
        return refused;
    }

    private Optional<String> refusedHost(String hostHeader, String serverName, String local) {
        if (hostHeader != null) {
            Optional<String> name = HostHeader.hostName(hostHeader);
            if (name.isEmpty() || !answers(name.get(), local)) {
                return Optional.of(hostHeader);
            }
        }
        return answers(HostHeader.serverName(serverName), local) ? Optional.empty() : Optional.of(serverName);
    }

    /** {@code host}: lower case, no port, IPv6 in brackets; empty (no host given, HTTP/1.0) is allowed. */
    boolean answers(String host, String localAddress) {
        return host.isEmpty() || HubOrigins.isLoopbackHost(host) || answeredHosts.contains(host)
                || isLocalLiteral(host, localAddress);
    }

    private static boolean isLocalLiteral(String host, String localAddress) {
        if (localAddress == null || localAddress.isEmpty()) {
            return false;
        }
        String local = localAddress.toLowerCase(Locale.ROOT);
        return host.equals(local) || host.equals("[" + local + "]");
    }
}

package computer.parachute.hub.proxy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.ee11.proxy.ProxyServlet;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;

/**
 * Jetty's servlet reverse proxy (streaming both ways over its HttpClient, hop-by-hop headers dropped, Via and
 * {@code Forwarded} added), told by {@link ModuleProxyFilter} where each request goes. What it adds:
 * <ul>
 *   <li>{@code X-Forwarded-For/-Proto/-Host} (and {@code -Prefix} when the mount path was stripped);</li>
 *   <li>{@code Host} is preserved (init parameter {@code preserveHost}): the module sees the name the client used,
 *       so links it builds point back through the front door, consistent with {@code X-Forwarded-Host};</li>
 *   <li>a response without a length (SSE, chunked) is flushed chunk by chunk as the module produces it;</li>
 *   <li>a module {@code Location} that points at itself, or at a stripped path, is rewritten to the front door;</li>
 *   <li>a failure to reach the module answers the hub's JSON error, not an empty 502.</li>
 * </ul>
 */
public final class ModuleProxyServlet extends ProxyServlet {
    static final String TARGET = ModuleProxyServlet.class.getName() + ".target";
    static final String MATCH = ModuleProxyServlet.class.getName() + ".match";
    static final String PORT = ModuleProxyServlet.class.getName() + ".port";

    private final FrontDoorOrigin frontDoor;

    public ModuleProxyServlet(FrontDoorOrigin frontDoor) {
        this.frontDoor = frontDoor;
    }

    /** Plain HTTP to 127.0.0.1 only: no TLS context built at start (LoopbackClients). */
    @Override
    protected ClientConnector newClientConnector() {
        return LoopbackClients.connector();
    }

    @Override
    protected String rewriteTarget(HttpServletRequest request) {
        return (String) request.getAttribute(TARGET);
    }

    @Override
    protected void addProxyHeaders(HttpServletRequest clientRequest, Request proxyRequest) {
        super.addProxyHeaders(clientRequest, proxyRequest);
        String host = clientRequest.getHeader("Host");
        String forwardedFor = clientRequest.getHeader("X-Forwarded-For");
        String client = clientRequest.getRemoteAddr();
        RouteMatch match = (RouteMatch) clientRequest.getAttribute(MATCH);
        String cookies = HubCookies.withoutHubCookies(String.join("; ",
                java.util.Collections.list(clientRequest.getHeaders("Cookie"))));
        proxyRequest.headers(headers -> {
            headers.remove("Cookie");
            if (cookies != null) {
                headers.put("Cookie", cookies);
            }
            headers.put("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
            headers.put("X-Forwarded-Proto", frontDoor.scheme(clientRequest.getScheme(), host));
            if (host != null) {
                headers.put("X-Forwarded-Host", host);
            }
            if (match != null && match.route().stripPrefix()) {
                headers.put("X-Forwarded-Prefix", match.mountPath());
            } else {
                headers.remove("X-Forwarded-Prefix");
            }
        });
    }

    @Override
    protected void onResponseContent(HttpServletRequest request, HttpServletResponse response, Response proxyResponse,
                                     byte[] buffer, int offset, int length, Callback callback) {
        try {
            var out = response.getOutputStream();
            out.write(buffer, offset, length);
            // no length: a stream (SSE, chunked) whose pieces the client must see as they come, not when a buffer fills
            if (!proxyResponse.getHeaders().contains(HttpHeader.CONTENT_LENGTH)) {
                out.flush();
            }
            callback.succeeded();
        } catch (Throwable failure) {
            callback.failed(failure);
        }
    }

    @Override
    protected String filterServerResponseHeader(HttpServletRequest request, Response serverResponse, String name, String value) {
        if ("set-cookie".equalsIgnoreCase(name) && value != null && HubCookies.isHubCookie(value)) {
            return null; // a module never sets the hub's session cookie
        }
        if (!"location".equalsIgnoreCase(name) || value == null) {
            return value;
        }
        return rewriteLocation(request, value);
    }

    /** A redirect to the module's own address, or to a stripped path, goes back through the front door. */
    private String rewriteLocation(HttpServletRequest request, String location) {
        RouteMatch match = (RouteMatch) request.getAttribute(MATCH);
        Integer port = (Integer) request.getAttribute(PORT);
        String prefix = match != null && match.route().stripPrefix() ? match.mountPath() : "";
        String host = request.getHeader("Host");
        for (String self : new String[] {"http://127.0.0.1:" + port, "http://localhost:" + port}) {
            if (port != null && host != null && (location.equals(self) || location.startsWith(self + "/"))) {
                String path = location.substring(self.length());
                return frontDoor.origin(request.getScheme(), host) + prefix + (path.isEmpty() ? "/" : path);
            }
        }
        if (!prefix.isEmpty() && location.startsWith("/") && !location.startsWith("//")) {
            return prefix + location;
        }
        return location;
    }

    @Override
    protected void sendProxyResponseError(HttpServletRequest clientRequest, HttpServletResponse proxyResponse, int status) {
        RouteMatch match = (RouteMatch) clientRequest.getAttribute(MATCH);
        try {
            if (!proxyResponse.isCommitted() && match != null) {
                proxyResponse.resetBuffer();
                ModuleAnswer.unreachable(match.route().shortName(), status, status == 504 ? "timed out" : "connection failed")
                        .write(clientRequest, proxyResponse);
            } else if (!proxyResponse.isCommitted()) {
                proxyResponse.setStatus(status);
            }
        } catch (IOException | RuntimeException e) {
            _log.debug("could not send the proxy error", e);
        } finally {
            if (clientRequest.isAsyncStarted()) {
                clientRequest.getAsyncContext().complete();
            }
        }
    }
}

package computer.parachute.hub.proxy;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bridges a WebSocket upgrade to a module: first the module's side is opened with Jetty's WebSocket client (so a module
 * that refuses answers the client with a proper HTTP error, and the subprotocol the module picked is known), then the
 * client's request is upgraded through the container's Jakarta WebSocket API ({@code upgradeHttpToWebSocket}), which
 * every EE 11 container provides — the embedded launcher enables Jetty's. Without it, upgrades answer 501.
 */
final class WebSocketBridge implements UpgradeBridge {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Hop-by-hop and per-connection handshake headers: the two legs negotiate their own. */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "upgrade", "sec-websocket-key",
            "sec-websocket-version", "sec-websocket-extensions", "sec-websocket-protocol", "sec-websocket-accept",
            "content-length", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-authorization", "proxy-connection");

    /** ws:// to 127.0.0.1 only: no TLS context built at start (LoopbackClients). */
    private final WebSocketClient client = new WebSocketClient(LoopbackClients.httpClient());

    /** Made by name from {@link UpgradeBridge#create}, only when the Jakarta WebSocket API is there. */
    WebSocketBridge() throws ServletException {
        client.setMaxTextMessageSize(ModuleSocket.MAX_MESSAGE_BYTES);
        client.setMaxBinaryMessageSize(ModuleSocket.MAX_MESSAGE_BYTES);
        client.setIdleTimeout(Duration.ZERO);
        client.setConnectTimeout(CONNECT_TIMEOUT.toMillis());
        client.setStopAtShutdown(false);
        try {
            client.start();
        } catch (Exception e) {
            throw new ServletException("cannot start the WebSocket client of the proxy: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the module side at {@code target}, then upgrades the client; answers an HTTP error when either fails, and
     * 501 when the container has the API but its WebSocket support is not enabled for this context.
     */
    @Override
    public void bridge(HttpServletRequest request, HttpServletResponse response, URI target, RouteMatch match) throws IOException {
        if (!(request.getServletContext().getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container)) {
            UpgradeBridge.unavailable(request, response, target, match);
            return;
        }
        String shortName = match.route().shortName();
        ModuleSocket socket = new ModuleSocket(shortName);
        Session module;
        try {
            module = client.connect(socket, target, upgradeRequest(request, target))
                    .get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ModuleAnswer.unreachable(shortName, 502, "interrupted").write(request, response);
            return;
        } catch (ExecutionException | TimeoutException e) {
            String why = e instanceof TimeoutException ? "WebSocket handshake timed out"
                    : "WebSocket handshake refused: " + Optional.ofNullable(e.getCause()).map(Throwable::getMessage).orElse("?");
            ModuleAnswer.unreachable(shortName, 502, why).write(request, response);
            return;
        }
        String protocol = module.getUpgradeResponse().getAcceptedSubProtocol();
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(ModuleSocket.class, "/")
                .subprotocols(protocol == null ? List.of() : List.of(protocol))
                .configurator(new BridgeConfigurator(socket, protocol))
                .build();
        try {
            container.upgradeHttpToWebSocket(request, response, config, Map.of());
        } catch (Exception e) {
            socket.closeModule(1011, "client upgrade failed");
            if (!response.isCommitted()) {
                ModuleAnswer.unreachable(shortName, 502, "client upgrade failed: " + e.getMessage()).write(request, response);
            }
        }
    }

    /** The client's handshake headers (cookies, Origin, Authorization, ...) minus the per-connection ones. */
    private static ClientUpgradeRequest upgradeRequest(HttpServletRequest request, URI target) {
        ClientUpgradeRequest upgrade = new ClientUpgradeRequest(target);
        for (String name : Collections.list(request.getHeaderNames())) {
            if ("cookie".equalsIgnoreCase(name)) {
                String cookies = HubCookies.withoutHubCookies(String.join("; ",
                        Collections.list(request.getHeaders(name))));
                if (cookies != null) {
                    upgrade.setHeader(name, cookies);
                }
            } else if (!NOT_RELAYED.contains(name.toLowerCase(Locale.ROOT))) {
                upgrade.setHeader(name, Collections.list(request.getHeaders(name)));
            }
        }
        List<String> protocols = new ArrayList<>();
        for (String value : Collections.list(request.getHeaders("Sec-WebSocket-Protocol"))) {
            for (String protocol : value.split(",")) {
                if (!protocol.isBlank()) {
                    protocols.add(protocol.trim());
                }
            }
        }
        upgrade.setSubProtocols(protocols);
        String host = request.getHeader("Host");
        String forwardedFor = request.getHeader("X-Forwarded-For");
        upgrade.setHeader("X-Forwarded-For", forwardedFor == null ? request.getRemoteAddr() : forwardedFor + ", " + request.getRemoteAddr());
        if (host != null) {
            upgrade.setHeader("X-Forwarded-Host", host);
        }
        upgrade.setTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return upgrade;
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }

    /** Hands the container our already-connected endpoint, and agrees to the module's choice of subprotocol. */
    private static final class BridgeConfigurator extends ServerEndpointConfig.Configurator {
        private final ModuleSocket socket;
        private final String protocol;

        BridgeConfigurator(ModuleSocket socket, String protocol) {
            this.socket = socket;
            this.protocol = protocol;
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(socket);
        }

        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            return protocol == null ? "" : protocol;
        }

        @Override
        public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
            return List.of();
        }

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return true; // the module sees the Origin header and decides; the hub's Host check already ran
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            // nothing to add: the module's handshake response headers stay with the module leg
        }
    }
}

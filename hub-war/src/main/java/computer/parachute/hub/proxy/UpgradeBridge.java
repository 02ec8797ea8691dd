package computer.parachute.hub.proxy;

import computer.parachute.hub.http.JsonErrorResponse;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;

/**
 * What the front door does with a WebSocket upgrade on a module path. The bridge needs the container's Jakarta
 * WebSocket API, which a stock Jetty has only with its websocket module enabled: {@link #create} loads the real
 * bridge by name only when that API is there, so the WAR deploys (and plain HTTP proxying works) without it.
 */
interface UpgradeBridge extends AutoCloseable {
    String WEBSOCKET_API = "jakarta.websocket.server.ServerContainer";
    String BRIDGE = "computer.parachute.hub.proxy.WebSocketBridge";

    void bridge(HttpServletRequest request, HttpServletResponse response, URI target, RouteMatch match) throws IOException;

    @Override
    default void close() throws Exception {
    }

    static UpgradeBridge create(ClassLoader loader) throws ServletException {
        try {
            Class.forName(WEBSOCKET_API, false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            return UpgradeBridge::unavailable;
        }
        try {
            return (UpgradeBridge) Class.forName(BRIDGE, true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ServletException("cannot start the WebSocket bridge: " + e, e);
        }
    }

    /** 501 with the reason: this container offers no Jakarta WebSocket, so nothing can accept the upgrade. */
    static void unavailable(HttpServletRequest request, HttpServletResponse response, URI target, RouteMatch match) throws IOException {
        JsonErrorResponse.send(response, 501, "websocket_unavailable", "this servlet container has no Jakarta WebSocket support "
                + "enabled, so the hub cannot bridge WebSocket upgrades to " + match.route().shortName());
    }
}

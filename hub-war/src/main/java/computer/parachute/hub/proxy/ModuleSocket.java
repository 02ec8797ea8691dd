package computer.parachute.hub.proxy;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One bridged WebSocket: the client's side is a Jakarta {@link Endpoint} in the container, the module's side a Jetty
 * client {@link Session.Listener}. Messages are relayed whole, one at a time in each direction, with backpressure: the
 * module's next frame is demanded only once the previous one reached the client, and a client message is handed over
 * only once the module side accepted the previous one. A close or error on either side closes the other.
 */
public final class ModuleSocket extends Endpoint implements Session.Listener {
    private static final Logger LOG = Logger.getLogger(ModuleSocket.class.getName());
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final String shortName;
    private volatile Session module;
    private volatile jakarta.websocket.Session client;

    ModuleSocket(String shortName) {
        this.shortName = shortName;
    }

    // ---- module side (Jetty client); frames are demanded only once the client side is open ----

    @Override
    public void onWebSocketOpen(Session session) {
        module = session;
    }

    @Override
    public void onWebSocketText(String message) {
        client.getAsyncRemote().sendText(message, result -> afterClientSend(result.isOK(), result.getException()));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        client.getAsyncRemote().sendBinary(payload, result -> {
            callback.succeed(); // the payload may be reused only now
            afterClientSend(result.isOK(), result.getException());
        });
    }

    private void afterClientSend(boolean ok, Throwable failure) {
        if (ok) {
            module.demand();
        } else {
            closeModule(CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode(), "client send failed");
            LOG.log(Level.FINE, shortName + ": relaying to the client failed", failure);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        callback.succeed();
        jakarta.websocket.Session c = client;
        if (c != null && c.isOpen()) {
            try {
                c.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(clientCloseCode(statusCode)), reason == null ? "" : reason));
            } catch (Exception e) {
                LOG.log(Level.FINE, shortName + ": closing the client side failed", e);
            }
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.log(Level.FINE, shortName + ": module side failed", cause);
        jakarta.websocket.Session c = client;
        if (c != null && c.isOpen()) {
            try {
                c.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "module connection failed"));
            } catch (Exception e) {
                LOG.log(Level.FINE, shortName + ": closing the client side failed", e);
            }
        }
    }

    // ---- client side (the container's Jakarta WebSocket) ----

    @Override
    public void onOpen(jakarta.websocket.Session session, EndpointConfig config) {
        client = session;
        session.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        session.setMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
        session.setMaxIdleTimeout(0);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text ->
                toModule(callback -> module.sendText(text, callback)));
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) bytes ->
                toModule(callback -> module.sendBinary(bytes, callback)));
        module.demand();
    }

    /** Blocks the client's reader until the module side took the message: the module's pace bounds the client's. */
    private void toModule(Consumer<Callback> send) {
        Callback.Completable sent = new Callback.Completable();
        send.accept(sent);
        try {
            sent.get(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeModule(CloseReason.CloseCodes.GOING_AWAY.getCode(), "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            closeModule(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "module send failed");
        }
    }

    @Override
    public void onClose(jakarta.websocket.Session session, CloseReason closeReason) {
        closeModule(clientCloseCode(closeReason.getCloseCode().getCode()), closeReason.getReasonPhrase());
    }

    @Override
    public void onError(jakarta.websocket.Session session, Throwable thr) {
        LOG.log(Level.FINE, shortName + ": client side failed", thr);
        closeModule(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "client connection failed");
    }

    void closeModule(int code, String reason) {
        Session m = module;
        if (m != null && m.isOpen()) {
            m.close(code, reason == null ? "" : reason, Callback.NOOP);
        }
    }

    /** 1005/1006/1015 describe a missing close frame and must not be sent in one; say "going away" instead. */
    private static int clientCloseCode(int code) {
        return code == 1005 || code == 1006 || code == 1015 ? CloseReason.CloseCodes.GOING_AWAY.getCode() : code;
    }
}

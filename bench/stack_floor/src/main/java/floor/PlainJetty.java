package floor;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Jetty 12's core API alone: one Handler, no servlet layer. */
public final class PlainJetty {
    private PlainJetty() {}

    public static void main(String[] args) throws Exception {
        Server server = Floor.server();
        byte[] body = Floor.BODY.getBytes(StandardCharsets.UTF_8);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (!"GET".equals(request.getMethod()) || !"/health".equals(Request.getPathInContext(request))) {
                    return false; // Jetty answers 404
                }
                response.setStatus(HttpStatus.OK_200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        server.start();
        server.join();
    }
}

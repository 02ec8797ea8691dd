import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * The benchmark's module: answers every GET with the same 1 KiB body on 127.0.0.1:$PORT. The JDK's own HTTP server
 * with a thread pool, so the backend is fast enough that the front door's cost shows (a Python module would hide it).
 * Run as a single-file program: {@code java -Dsun.net.httpserver.nodelay=true OneKb.java} (without TCP_NODELAY its
 * two writes per response meet delayed ACKs: 40 ms per keep-alive request).
 */
public class OneKb {
    public static void main(String[] args) throws Exception {
        byte[] body = "x".repeat(1023).concat("\n").getBytes();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("PORT"))), 256);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        System.out.println("onekb listening on " + System.getenv("PORT"));
    }
}

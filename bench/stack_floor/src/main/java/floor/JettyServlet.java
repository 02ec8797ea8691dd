package floor;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

import java.io.IOException;

/** Jetty's ee11 servlet layer without Jersey: a ServletContextHandler and one HttpServlet on /health. */
public final class JettyServlet {
    private JettyServlet() {}

    public static final class HealthServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.getWriter().write(Floor.BODY);
        }
    }

    public static void main(String[] args) throws Exception {
        Server server = Floor.server();
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder health = new ServletHolder(new HealthServlet());
        health.setInitOrder(0);
        context.addServlet(health, "/health");
        server.setHandler(context);
        server.start();
        server.join();
    }
}

package computer.parachute.hub.proxy;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty clients for the front door's legs to modules, which are always plain {@code http://} or {@code ws://} to
 * 127.0.0.1 (ModuleProxyFilter). A stock client builds the JDK's TLS context when it starts, whether or not it ever
 * speaks TLS: by JFR, a tenth of the hub's main-thread CPU before its first API answer, for each of the two clients.
 */
final class LoopbackClients {
    private LoopbackClients() {}

    /** A connector whose TLS factory is never loaded; an https target would fail its first request ("not started"). */
    static ClientConnector connector() {
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(new NoTls());
        return connector;
    }

    /** An unstarted HTTP/1.1 client over {@link #connector()}. */
    static HttpClient httpClient() {
        return new HttpClient(new HttpClientTransportOverHTTP(connector()));
    }

    private static final class NoTls extends SslContextFactory.Client {
        @Override
        protected void doStart() {
            // no SSLContext, no key or trust stores: nothing here speaks TLS
        }
    }
}

package computer.parachute.hub.app;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * The container's own word on the port, before any request: Apache Tomcat registers every connector in the JVM's
 * MBean server as {@code Catalina:type=Connector,...} with the port it bound ({@code localPort}; connectors bind
 * before webapps start). When exactly one plain-HTTP connector is bound, that is the hub's port. No container API
 * is linked and no MBean server is created: where none exists (stock Jetty), the first request tells.
 */
final class ContainerConnectors {
    private static final Logger LOG = Logger.getLogger(ContainerConnectors.class.getName());
    private static final String CONNECTORS = "*:type=Connector,*";

    private ContainerConnectors() {}

    /** The single bound HTTP connector's port among the JVM's existing MBean servers; empty if none or several. */
    static OptionalInt singleHttpPort() {
        return singleHttpPort(MBeanServerFactory.findMBeanServer(null));
    }

    static OptionalInt singleHttpPort(List<MBeanServer> servers) {
        List<Integer> ports = new ArrayList<>();
        for (MBeanServer server : servers) {
            Set<ObjectName> names;
            try {
                names = server.queryNames(new ObjectName(CONNECTORS), null);
            } catch (JMException | RuntimeException e) {
                continue;
            }
            for (ObjectName name : names) {
                httpPort(server, name).ifPresent(ports::add);
            }
        }
        if (ports.size() > 1) {
            LOG.info(() -> "the container has several HTTP connectors " + ports + ": the hub's port is the first request's");
        }
        return ports.size() == 1 ? OptionalInt.of(ports.get(0)) : OptionalInt.empty();
    }

    private static OptionalInt httpPort(MBeanServer server, ObjectName connector) {
        try {
            Object scheme = server.getAttribute(connector, "scheme");
            Object protocol = server.getAttribute(connector, "protocol");
            Object port = server.getAttribute(connector, "localPort");
            boolean plainHttp = "http".equals(scheme) && !String.valueOf(protocol).toUpperCase().contains("AJP");
            return plainHttp && port instanceof Integer bound && bound > 0 ? OptionalInt.of(bound) : OptionalInt.empty();
        } catch (JMException | RuntimeException e) {
            return OptionalInt.empty(); // not a connector shaped as expected
        }
    }
}

package computer.parachute.hub.app;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanInfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The port from Tomcat-shaped connector MBeans: one plain-HTTP connector decides; AJP, https and ties do not. */
class ContainerConnectorsTest {
    /** Tomcat's modeler MBeans name attributes as the fields are spelled: scheme, protocol, localPort. */
    record Connector(String scheme, String protocol, int localPort) implements DynamicMBean {
        @Override
        public Object getAttribute(String attribute) throws AttributeNotFoundException {
            return switch (attribute) {
                case "scheme" -> scheme;
                case "protocol" -> protocol;
                case "localPort" -> localPort;
                default -> throw new AttributeNotFoundException(attribute);
            };
        }

        @Override public void setAttribute(Attribute attribute) { throw new UnsupportedOperationException(); }
        @Override public AttributeList getAttributes(String[] attributes) { return new AttributeList(); }
        @Override public AttributeList setAttributes(AttributeList attributes) { return new AttributeList(); }
        @Override public Object invoke(String action, Object[] params, String[] signature) { return null; }

        @Override
        public MBeanInfo getMBeanInfo() {
            return new MBeanInfo(Connector.class.getName(), "fake connector", null, null, null, null);
        }
    }

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    private void register(String name, Connector connector) throws Exception {
        server.registerMBean(connector, new ObjectName(name));
    }

    @Test
    void theOneHttpConnectorsBoundPortIsTheHubsPort() throws Exception {
        register("Catalina:type=Connector,port=0,address=\"127.0.0.1\"", new Connector("http", "HTTP/1.1", 41234));
        register("Catalina:type=Connector,port=8009", new Connector("http", "AJP/1.3", 8009));
        register("Catalina:type=Connector,port=8443", new Connector("https", "org.apache.coyote.http11.Http11NioProtocol", 8443));
        assertEquals(OptionalInt.of(41234), ContainerConnectors.singleHttpPort(List.of(server)));
    }

    @Test
    void severalHttpConnectorsLeaveItToTheFirstRequest() throws Exception {
        register("Catalina:type=Connector,port=8080", new Connector("http", "HTTP/1.1", 8080));
        register("Catalina:type=Connector,port=8081", new Connector("http", "HTTP/1.1", 8081));
        assertEquals(OptionalInt.empty(), ContainerConnectors.singleHttpPort(List.of(server)));
    }

    @Test
    void noConnectorsOrAnUnboundOneTellNothing() throws Exception {
        assertEquals(OptionalInt.empty(), ContainerConnectors.singleHttpPort(List.of()));
        register("Catalina:type=Connector,port=8080", new Connector("http", "HTTP/1.1", -1));
        assertEquals(OptionalInt.empty(), ContainerConnectors.singleHttpPort(List.of(server)));
    }
}

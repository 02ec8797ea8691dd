package computer.parachute.hub.core.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class LaunchdPlistTest {

    private final XPath xpath = XPathFactory.newInstance().newXPath();

    @Test
    void matchesGolden() throws Exception {
        Goldens.assertMatches("launchd.golden", LaunchdPlist.render(UnitFixtures.userUnit()));
    }

    @Test
    void parsesAndCarriesLabelArgvEnvAndKeepAlive() throws Exception {
        HubUnit unit = UnitFixtures.userUnit();
        Document doc = parse(LaunchdPlist.render(unit));
        assertEquals("computer.parachute.hub", value(doc, "Label"));
        NodeList argv = (NodeList) xpath.evaluate("/plist/dict/key[.='ProgramArguments']/following-sibling::*[1]/string",
                doc, XPathConstants.NODESET);
        assertEquals(unit.execStart().size(), argv.getLength());
        for (int i = 0; i < argv.getLength(); i++) {
            assertEquals(unit.execStart().get(i), argv.item(i).getTextContent());
        }
        String env = "/plist/dict/key[.='EnvironmentVariables']/following-sibling::*[1]";
        assertEquals("/home/op/.parachute", xpath.evaluate(env + "/key[.='PARACHUTE_HOME']/following-sibling::*[1]", doc));
        assertEquals("1939", xpath.evaluate(env + "/key[.='PORT']/following-sibling::*[1]", doc));
        assertEquals("127.0.0.1", xpath.evaluate(env + "/key[.='PARACHUTE_BIND_HOST']/following-sibling::*[1]", doc));
        assertEquals("true", xpath.evaluate("name(/plist/dict/key[.='KeepAlive']/following-sibling::*[1])", doc));
        assertEquals("true", xpath.evaluate("name(/plist/dict/key[.='RunAtLoad']/following-sibling::*[1])", doc));
        assertEquals("10", value(doc, "ThrottleInterval"));
        assertEquals("/home/op/.parachute/hub/logs/hub.log", value(doc, "StandardOutPath"));
        assertEquals("/home/op/.parachute/hub/logs/hub.log", value(doc, "StandardErrorPath"));
        // launchd reads Umask as a decimal integer: 63 is 0077, owner-only files (issue 9)
        assertEquals("integer", xpath.evaluate("name(/plist/dict/key[.='Umask']/following-sibling::*[1])", doc));
        assertEquals(0077, Integer.parseInt(value(doc, "Umask")));
    }

    @Test
    void escapesAmpersandAndAngleBrackets() throws Exception {
        HubUnit unit = new HubUnit(HubUnit.LABEL, HubUnit.UNIT_NAME, "d", HubUnit.HEADER,
                List.of("/opt/a&b/java", "-Dx=<y>"), Map.of("K", "1 < 2 & 3 > 0"), Path.of("/tmp/hub.log"),
                UnitScope.USER, "", CrashLoopCeiling.DEFAULT);
        String text = LaunchdPlist.render(unit);
        assertTrue(text.contains("<string>/opt/a&amp;b/java</string>"), text);
        Document doc = parse(text);
        assertEquals("-Dx=<y>", xpath.evaluate("/plist/dict/array/string[2]", doc));
        assertEquals("1 < 2 & 3 > 0", xpath.evaluate("/plist/dict/dict/string", doc));
    }

    @Test
    void emptyEnvAndNoCeilingOmitThoseKeys() throws Exception {
        String text = LaunchdPlist.render(SystemdUnitTest.withEnvAndCeiling(Map.of(), CrashLoopCeiling.NONE));
        assertFalse(text.contains("EnvironmentVariables"));
        assertFalse(text.contains("ThrottleInterval"));
        parse(text);
    }

    private String value(Document doc, String key) throws Exception {
        return xpath.evaluate("/plist/dict/key[.='" + key + "']/following-sibling::*[1]", doc);
    }

    /** The DOCTYPE names Apple's DTD by URL; never fetch it (offline builds, and XXE hygiene). */
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        factory.setValidating(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}

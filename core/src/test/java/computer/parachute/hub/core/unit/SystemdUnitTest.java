package computer.parachute.hub.core.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemdUnitTest {

    @Test
    void userUnitMatchesGolden() throws Exception {
        Goldens.assertMatches("systemd-user.golden", SystemdUnit.render(UnitFixtures.userUnit()));
    }

    @Test
    void systemUnitWithUserMatchesGolden() throws Exception {
        Goldens.assertMatches("systemd-system.golden", SystemdUnit.render(UnitFixtures.systemUnit()));
    }

    @Test
    void systemUnitPinsUserThenOneEnvironmentLinePerEntry() {
        List<String> lines = SystemdUnit.render(UnitFixtures.systemUnit()).lines().toList();
        int user = lines.indexOf("User=op");
        assertTrue(user > lines.indexOf("[Service]"));
        assertEquals("Environment=PARACHUTE_HOME=/home/op/.parachute", lines.get(user + 1));
        assertEquals("Environment=PORT=1939", lines.get(user + 2));
        assertEquals("Environment=PARACHUTE_BIND_HOST=127.0.0.1", lines.get(user + 3));
        assertTrue(lines.get(user + 4).startsWith("Environment=PATH="));
        assertTrue(lines.get(user + 5).startsWith("ExecStart=/usr/lib/jvm/java-17/bin/java -XX:+UseSerialGC "));
        assertTrue(lines.get(user + 5).endsWith(" -jar /opt/parachute/lib/launcher.jar"));
        assertTrue(lines.contains("WantedBy=multi-user.target"));
    }

    /** Issue 9: whatever umask systemd would give the hub, what it creates is owner-only. */
    @Test
    void bothUnitsSetAnOwnerOnlyUmaskInTheServiceSection() {
        for (HubUnit unit : List.of(UnitFixtures.userUnit(), UnitFixtures.systemUnit())) {
            String text = SystemdUnit.render(unit);
            String service = text.substring(text.indexOf("[Service]"), text.indexOf("[Install]"));
            assertTrue(service.lines().anyMatch("UMask=0077"::equals), service);
        }
    }

    @Test
    void userUnitHasNoUserAndWantsDefaultTarget() {
        String text = SystemdUnit.render(UnitFixtures.userUnit());
        assertFalse(text.contains("User="));
        assertTrue(text.endsWith("[Install]\nWantedBy=default.target\n"));
    }

    @Test
    void ceilingGoesInUnitSectionAndStopBehaviourIsPinned() {
        String text = SystemdUnit.render(UnitFixtures.userUnit());
        String unitSection = text.substring(text.indexOf("[Unit]"), text.indexOf("[Service]"));
        assertTrue(unitSection.contains("StartLimitIntervalSec=300\nStartLimitBurst=5\n"), unitSection);
        assertTrue(text.contains("Restart=always\nRestartSec=5\nKillMode=process\nTimeoutStopSec=30\n"
                + "SuccessExitStatus=143\n"), text);
    }

    @Test
    void emptyEnvAndNoCeilingRenderNoSuchLines() {
        HubUnit bare = withEnvAndCeiling(Map.of(), CrashLoopCeiling.NONE);
        String text = SystemdUnit.render(bare);
        assertFalse(text.contains("Environment="));
        assertFalse(text.contains("StartLimit"));
    }

    @Test
    void valuesWithSpacesQuotesPercentAndDollarAreQuotedForSystemd() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PARACHUTE_HOME", "/home/o p/.parachute");
        env.put("NOTE", "say \"hi\" 100%");
        HubUnit unit = new HubUnit(HubUnit.LABEL, HubUnit.UNIT_NAME, "d", "h",
                List.of("/opt/my java/bin/java", "-Dx=$HOME", "-jar", "/a b/launcher.jar"), env,
                Path.of("/tmp/hub.log"), UnitScope.USER, "", CrashLoopCeiling.DEFAULT);
        String text = SystemdUnit.render(unit);
        assertTrue(text.contains("Environment=\"PARACHUTE_HOME=/home/o p/.parachute\"\n"), text);
        assertTrue(text.contains("Environment=\"NOTE=say \\\"hi\\\" 100%%\"\n"), text);
        assertTrue(text.contains("ExecStart=\"/opt/my java/bin/java\" -Dx=$$HOME -jar \"/a b/launcher.jar\"\n"), text);
    }

    static HubUnit withEnvAndCeiling(Map<String, String> env, CrashLoopCeiling ceiling) {
        HubUnit base = UnitFixtures.userUnit();
        return new HubUnit(base.label(), base.unitName(), base.description(), base.header(), base.execStart(),
                env, base.logPath(), base.scope(), base.runAsUser(), ceiling);
    }
}

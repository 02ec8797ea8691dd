package computer.parachute.hub.core.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped examples under etc/units are exactly what the code renders for the fixture unit. */
class EtcUnitsTest {

    /** Surefire runs with the module directory as the working directory. */
    private static final Path ETC_UNITS = Path.of("..", "etc", "units");

    @Test
    void systemdExampleIsCurrent() throws Exception {
        assertEquals(SystemdUnit.render(UnitFixtures.userUnit()),
                Files.readString(ETC_UNITS.resolve(HubUnit.UNIT_NAME)),
                "re-render etc/units/parachute-hub.service from SystemdUnit");
    }

    @Test
    void launchdExampleIsCurrent() throws Exception {
        assertEquals(LaunchdPlist.render(UnitFixtures.userUnit()),
                Files.readString(ETC_UNITS.resolve(HubUnit.PLIST_NAME)),
                "re-render etc/units/computer.parachute.hub.plist from LaunchdPlist");
    }
}

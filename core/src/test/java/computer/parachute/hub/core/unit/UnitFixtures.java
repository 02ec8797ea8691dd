package computer.parachute.hub.core.unit;

import java.nio.file.Path;

/** Sample units and platforms with placeholder paths, shared by the tests and the shipped examples. */
final class UnitFixtures {

    static final Path JAVA = Path.of("/usr/lib/jvm/java-17/bin/java");
    static final Path LAUNCHER = Path.of("/opt/parachute/lib/launcher.jar");
    static final Path HOME = Path.of("/home/op/.parachute");
    static final String PATH = "/home/op/.local/bin:/usr/local/bin:/usr/bin:/bin";
    static final int USER_UID = 501;

    private UnitFixtures() {
    }

    static HubUnit userUnit() {
        return HubUnit.forLauncher(JAVA, LAUNCHER, HOME, HubUnit.DEFAULT_PORT, false, "op", PATH);
    }

    static HubUnit systemUnit() {
        return HubUnit.forLauncher(JAVA, LAUNCHER, HOME, HubUnit.DEFAULT_PORT, true, "op", PATH);
    }

    static Platform linuxUser(Path tempHome) {
        return new Platform("Linux", tempHome, tempHome.resolve("etc-systemd-system"), USER_UID, "op");
    }

    static Platform linuxRoot(Path tempHome) {
        return new Platform("Linux", tempHome, tempHome.resolve("etc-systemd-system"), 0, "root");
    }

    static Platform mac(Path tempHome) {
        return new Platform("Mac OS X", tempHome, tempHome.resolve("unused"), USER_UID, "op");
    }
}

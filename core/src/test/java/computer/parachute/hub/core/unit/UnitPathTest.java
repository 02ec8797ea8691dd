package computer.parachute.hub.core.unit;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The unit's PATH: the operator's extras, the JDK, existing tool dirs of the hub's user, then the system dirs. */
class UnitPathTest {
    @Test
    void extrasThenJdkThenExistingToolDirsThenSystemDirsWithoutDuplicates() {
        Set<Path> existing = Set.of(Path.of("/home/op/.local/bin"), Path.of("/home/op/.cargo/bin"), Path.of("/usr/bin"),
                Path.of("/usr/local/bin"), Path.of("/bin"));
        String path = UnitPath.compose("/opt/tools/bin:/usr/bin", Path.of("/usr/lib/jvm/java-17/bin/java"), "/home/op",
                existing::contains);
        assertEquals("/opt/tools/bin:/usr/bin:/usr/lib/jvm/java-17/bin:/home/op/.local/bin:/home/op/.cargo/bin:"
                + "/usr/local/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin", path);
    }

    @Test
    void nothingFromTheCallersShellLeaksIn() {
        String path = UnitPath.compose("", Path.of("/jdk/bin/java"), "/root", dir -> false);
        assertEquals("/jdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", path);
    }
}

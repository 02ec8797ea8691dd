package computer.parachute.hub.core.token;

import computer.parachute.hub.core.fs.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OperatorTokenFileTest {
    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();

    @Test
    void writesTokenPlusNewlineWithMode0600AndReadsItBackWithoutWarning() throws Exception {
        OperatorTokenFile file = new OperatorTokenFile(dir.resolve("sub/operator.token"), warnings::add);
        file.write("aaa.bbb.ccc");

        assertEquals("aaa.bbb.ccc\n", Files.readString(file.path()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        assertEquals(Optional.of("aaa.bbb.ccc"), file.read());
        assertEquals(List.of(), warnings);
    }

    @Test
    void secondWriteReplacesTheFirstAndTightensALooserMode() throws Exception {
        Path path = dir.resolve("operator.token");
        Files.writeString(path, "old");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
        OperatorTokenFile file = new OperatorTokenFile(path, warnings::add);
        file.write("new.token.value");

        assertEquals(Optional.of("new.token.value"), file.read());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(path), listing.toList(), "no temp file left behind");
        }
    }

    @Test
    void missingOrBlankFileIsAbsent() throws Exception {
        OperatorTokenFile file = new OperatorTokenFile(dir.resolve("operator.token"), warnings::add);
        assertEquals(Optional.empty(), file.read());
        Files.writeString(file.path(), "  \n");
        Files.setPosixFilePermissions(file.path(), AtomicFiles.OWNER_ONLY);
        assertEquals(Optional.empty(), file.read());
    }

    @Test
    void groupOrWorldReadableFileWarnsWithTheChmodFixAndIsStillUsed() throws Exception {
        Path path = dir.resolve("operator.token");
        Files.writeString(path, "aaa.bbb.ccc\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        OperatorTokenFile file = new OperatorTokenFile(path, warnings::add);

        assertEquals(Optional.of("aaa.bbb.ccc"), file.read());
        assertEquals(List.of("parachute: operator token file at " + path + " has mode 0644 (group/other can read "
                + "it). Run `chmod 0600 " + path + "` to lock it down."), warnings);
    }

    @Test
    void octalRendersEveryBit() {
        assertEquals("0600", OperatorTokenFile.octal(PosixFilePermissions.fromString("rw-------")));
        assertEquals("0640", OperatorTokenFile.octal(PosixFilePermissions.fromString("rw-r-----")));
        assertEquals("0777", OperatorTokenFile.octal(PosixFilePermissions.fromString("rwxrwxrwx")));
        assertEquals("0001", OperatorTokenFile.octal(PosixFilePermissions.fromString("--------x")));
    }
}

package computer.parachute.hub.core.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartCommandsTest {
    @TempDir Path dir;

    private Path moduleDir(String json) throws Exception {
        Path installDir = dir.resolve("mod");
        Files.createDirectories(installDir.resolve(".parachute"));
        Files.writeString(ModuleManifest.fileIn(installDir), json);
        return installDir;
    }

    @Test
    void moduleJsonStartCmdWinsAndRunsInInstallDir() throws Exception {
        Path installDir = moduleDir("{\"name\":\"notes\",\"port\":1942,\"paths\":[\"/notes\"],\"health\":\"/health\","
                + "\"startCmd\":[\"python3\",\"server.py\",\"--port\",\"1942\"]}");
        ServiceEntry row = ServiceEntry.of("notes", 1942, List.of("/notes"), "/health", "1").withInstallDir(installDir.toString());
        StartCommand.Resolved resolved = assertInstanceOf(StartCommand.Resolved.class, StartCommands.resolve(row));
        assertEquals(List.of("python3", "server.py", "--port", "1942"), resolved.argv());
        assertEquals(installDir, resolved.cwd());
    }

    @Test
    void knownModuleWithoutInstallDirUsesItsFallback() {
        ServiceEntry vault = ServiceEntry.of("parachute-vault", 1940, List.of("/vault/default"), "/health", "1");
        StartCommand.Resolved resolved = assertInstanceOf(StartCommand.Resolved.class, StartCommands.resolve(vault));
        assertEquals(List.of("parachute-vault", "serve"), resolved.argv());
    }

    @Test
    void thirdPartyWithoutInstallDirIsSkippedAsNoSpec() {
        StartCommand.Skipped skipped = assertInstanceOf(StartCommand.Skipped.class,
                StartCommands.resolve(ServiceEntry.of("thing", 2000, List.of(), "/h", "1")));
        assertEquals("no-spec", skipped.reason());
        assertTrue(skipped.description().contains("parachute install"));
    }

    @Test
    void cliOnlyModuleIsSkippedAsNoStartCmd() throws Exception {
        Path installDir = moduleDir("{\"name\":\"tool\",\"port\":2001,\"paths\":[],\"health\":\"/h\"}");
        StartCommand.Skipped skipped = assertInstanceOf(StartCommand.Skipped.class,
                StartCommands.resolve(ServiceEntry.of("tool", 2001, List.of(), "/h", "1").withInstallDir(installDir.toString())));
        assertEquals("no-start-cmd", skipped.reason());
    }

    @Test
    void malformedModuleJsonIsSkippedWithTheFileNamed() throws Exception {
        Path installDir = moduleDir("{\"name\":\"tool\",\"port\":\"x\"}");
        StartCommand.Skipped skipped = assertInstanceOf(StartCommand.Skipped.class,
                StartCommands.resolve(ServiceEntry.of("tool", 2001, List.of(), "/h", "1").withInstallDir(installDir.toString())));
        assertEquals("invalid-manifest", skipped.reason());
        assertTrue(skipped.description().contains("module.json"), skipped.description());
    }

    @Test
    void moduleManifestValidation() throws Exception {
        String[] bad = {"[]", "{", "{\"name\":\"x\",\"port\":1,\"paths\":[],\"health\":\"/h\",\"startCmd\":\"python3 x.py\"}",
                "{\"name\":\"x\",\"port\":1,\"paths\":[],\"health\":\"/h\",\"startCmd\":[\"\"]}",
                "{\"port\":1,\"paths\":[],\"health\":\"/h\"}"};
        for (String json : bad) {
            Path installDir = moduleDir(json);
            ModuleManifestException e = assertThrows(ModuleManifestException.class, () -> ModuleManifest.read(installDir), json);
            assertTrue(e.getMessage().startsWith(ModuleManifest.fileIn(installDir).toString()), e.getMessage());
        }
        assertThrows(ModuleManifestException.class, () -> ModuleManifest.read(dir.resolve("absent")));
    }

    @Test
    void shortNames() {
        assertEquals(Optional.of("vault"), ShortNames.forManifest("parachute-vault"));
        assertEquals(Optional.of("scribe"), ShortNames.forManifest("parachute-scribe"));
        assertEquals(Optional.of("mymod"), ShortNames.forManifest("mymod"));
        assertEquals(Optional.of("notes"), ShortNames.forManifest("@acme/notes"));
        assertEquals(Optional.empty(), ShortNames.forManifest("has space"));
        assertEquals(Optional.empty(), ShortNames.forManifest("@@@"));
        assertEquals("parachute-vault", ShortNames.manifestFor("vault"));
        assertEquals("mymod", ShortNames.manifestFor("mymod"));
    }
}

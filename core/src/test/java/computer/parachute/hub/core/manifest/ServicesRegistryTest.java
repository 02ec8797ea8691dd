package computer.parachute.hub.core.manifest;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServicesRegistryTest {
    @TempDir Path dir;

    private Path file() { return dir.resolve("services.json"); }
    private ServicesRegistry registry() { return new ServicesRegistry(file()); }

    private static final String VAULT_ROW = """
            {"name":"parachute-vault","port":1940,"paths":["/vault/default"],"health":"/health","version":"0.3.1",
             "publicExposure":"loopback","uis":{"main":{"displayName":"Vault","path":"/vault"}}}""";

    private void write(String text) throws Exception { Files.writeString(file(), text); }

    @Test
    void missingFileIsAnEmptyRegistry() throws Exception {
        assertEquals(List.of(), registry().readStrict());
        assertEquals(List.of(), registry().readLenient().entries());
    }

    @Test
    void readsRequiredAndOptionalFields() throws Exception {
        write("{\"services\":[" + VAULT_ROW + ",{\"name\":\"notes\",\"port\":1942,\"paths\":[\"/notes\"],\"health\":\"/h\","
                + "\"version\":\"1\",\"displayName\":\"Notes\",\"installDir\":\"/opt/notes\"}]}");
        List<ServiceEntry> entries = registry().readStrict();
        assertEquals(2, entries.size());
        assertEquals(1940, entries.get(0).port());
        assertEquals(List.of("/vault/default"), entries.get(0).paths());
        assertEquals("/opt/notes", entries.get(1).installDir());
        assertEquals("Notes", entries.get(1).displayName());
    }

    @Test
    void strictReaderNamesFileRowAndField() throws Exception {
        write("{\"services\":[" + VAULT_ROW + ",{\"name\":\"scribe\",\"port\":\"abc\",\"paths\":[],\"health\":\"/h\",\"version\":\"1\"}]}");
        ServicesFileException e = assertThrows(ServicesFileException.class, () -> registry().readStrict());
        assertTrue(e.getMessage().contains(file().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("services[1] (\"scribe\")"), e.getMessage());
        assertTrue(e.getMessage().contains("\"port\""), e.getMessage());
    }

    @Test
    void everyMalformedShapeIsRejectedStrictlyAndSkippedLeniently() throws Exception {
        String[] bad = {
                "{not json", "", "   ", "[]", "{\"services\":{}}", "{\"services\":[42]}",
                "{\"services\":[{\"port\":1,\"paths\":[],\"health\":\"/h\",\"version\":\"1\"}]}",
                "{\"services\":[{\"name\":\"x\",\"port\":70000,\"paths\":[],\"health\":\"/h\",\"version\":\"1\"}]}",
                "{\"services\":[{\"name\":\"x\",\"port\":1.5,\"paths\":[],\"health\":\"/h\",\"version\":\"1\"}]}",
                "{\"services\":[{\"name\":\"x\",\"port\":1,\"paths\":\"/x\",\"health\":\"/h\",\"version\":\"1\"}]}",
                "{\"services\":[{\"name\":\"x\",\"port\":1,\"paths\":[],\"health\":\"h\",\"version\":\"1\"}]}",
                "{\"services\":[{\"name\":\"x\",\"port\":1,\"paths\":[],\"health\":\"/h\"}]}",
                "{\"services\":[{\"name\":\"\",\"port\":1,\"paths\":[],\"health\":\"/h\",\"version\":\"1\"}]}",
        };
        for (String text : bad) {
            write(text);
            assertThrows(ServicesFileException.class, () -> registry().readStrict(), text);
            ServicesRead lenient = registry().readLenient();
            assertEquals(List.of(), lenient.entries(), text);
            assertFalse(lenient.warnings().isEmpty(), text);
            assertEquals(text, Files.readString(file()), "a read never rewrites the operator's file");
        }
    }

    @Test
    void lenientReaderKeepsGoodRowsAndWarnsAboutBadOnes() throws Exception {
        write("{\"services\":[" + VAULT_ROW + ",{\"name\":\"broken\"}]}");
        ServicesRead read = registry().readLenient();
        assertEquals(1, read.entries().size());
        assertEquals(1, read.warnings().size());
        assertTrue(read.warnings().get(0).contains("broken"));
    }

    @Test
    void duplicatePortsAreRejectedExceptBetweenVaultInstances() throws Exception {
        write("{\"services\":[{\"name\":\"a\",\"port\":2000,\"paths\":[],\"health\":\"/h\",\"version\":\"1\"},"
                + "{\"name\":\"b\",\"port\":2000,\"paths\":[],\"health\":\"/h\",\"version\":\"1\"}]}");
        ServicesFileException e = assertThrows(ServicesFileException.class, () -> registry().readStrict());
        assertTrue(e.getMessage().contains("both use port 2000"), e.getMessage());
        assertEquals(List.of("a"), registry().readLenient().entries().stream().map(ServiceEntry::name).toList());

        write("{\"services\":[{\"name\":\"parachute-vault\",\"port\":1940,\"paths\":[],\"health\":\"/h\",\"version\":\"1\"},"
                + "{\"name\":\"parachute-vault-work\",\"port\":1940,\"paths\":[],\"health\":\"/h\",\"version\":\"1\"}]}");
        assertEquals(2, registry().readStrict().size());
    }

    @Test
    void upsertPreservesUnknownFieldsAndWritesPrettyJsonWithTrailingNewline() throws Exception {
        write("{\"services\":[" + VAULT_ROW + "]}");
        ServiceEntry vault = registry().readStrict().get(0);
        registry().upsert(vault.withInstallDir("/opt/vault"));
        registry().upsert(ServiceEntry.of("scribe", 1943, List.of("/scribe"), "/health", "0.1.0"));

        String text = Files.readString(file());
        assertTrue(text.endsWith("}\n"), text);
        assertTrue(text.contains("\n"), "pretty printed");
        assertTrue(text.contains("\"publicExposure\""), text);
        assertTrue(text.contains("\"uis\""), text);
        List<ServiceEntry> entries = registry().readStrict();
        assertEquals(List.of("parachute-vault", "scribe"), entries.stream().map(ServiceEntry::name).toList());
        assertEquals("/opt/vault", entries.get(0).installDir());
        assertEquals("loopback", entries.get(0).raw().getString("publicExposure"));
    }

    @Test
    void upsertRejectsAPortClashAndLeavesTheFileAlone() throws Exception {
        write("{\"services\":[" + VAULT_ROW + "]}");
        String before = Files.readString(file());
        assertThrows(ServicesFileException.class,
                () -> registry().upsert(ServiceEntry.of("other", 1940, List.of(), "/h", "1")));
        assertEquals(before, Files.readString(file()));
    }

    @Test
    void writersRefuseToTouchAMalformedFile() throws Exception {
        write("{\"services\": [ {\"name\": oops ] }");
        String before = Files.readString(file());
        assertThrows(ServicesFileException.class,
                () -> registry().upsert(ServiceEntry.of("x", 2001, List.of(), "/h", "1")));
        assertThrows(ServicesFileException.class, () -> registry().remove("x"));
        assertEquals(before, Files.readString(file()));
    }

    @Test
    void removeByName() throws Exception {
        write("{\"services\":[" + VAULT_ROW + "]}");
        assertFalse(registry().remove("nope"));
        assertTrue(registry().remove("parachute-vault"));
        assertEquals(List.of(), registry().readStrict());
    }

    @Test
    void startErrorRecordAndClear() throws Exception {
        write("{\"services\":[" + VAULT_ROW + "]}");
        registry().recordStartError("parachute-vault",
                Json.createObjectBuilder().add("error_type", "missing_dependency").add("binary", "parachute-vault").build(),
                "2026-11-27T10:00:00Z");
        ServiceEntry vault = registry().readStrict().get(0);
        assertEquals("missing_dependency", vault.lastStartError().getString("error_type"));
        assertEquals("2026-11-27T10:00:00Z", vault.lastStartError().getString("at"));
        registry().recordStartError("absent", Json.createObjectBuilder().build(), "x");
        registry().clearStartError("parachute-vault");
        assertNull(registry().readStrict().get(0).lastStartError());
    }

    @Test
    void concurrentUpsertsFromManyThreadsLoseNoRow() throws Exception {
        int threads = 8;
        Thread[] workers = new Thread[threads];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < 5; i++) {
                        registry().upsert(ServiceEntry.of("m" + id + "-" + i, 3000 + id * 10 + i, List.of(), "/h", "1"));
                    }
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join(30_000);
        }
        assertNull(failure[0]);
        assertEquals(threads * 5, registry().readStrict().size());
    }
}

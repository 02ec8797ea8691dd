package computer.parachute.hub.launcher;

import computer.parachute.hub.core.fs.AtomicFiles;
import computer.parachute.hub.core.home.HubHome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code hub/run/hub.port} and {@code hub-instance.json} (DESIGN §4): written atomically once the hub serves, removed
 * when it stops, but only while they still describe this boot, so a stopping hub never deletes its successor's files.
 */
final class RunFiles {
    private final HubHome home;
    private final String instanceId;

    private RunFiles(HubHome home, String instanceId) {
        this.home = home;
        this.instanceId = instanceId;
    }

    static RunFiles write(HubHome home, int port, String instanceId, long pid, Instant startedAt) throws IOException {
        // field order as Yasson would write it (lexicographic, STACK trap 10), so every writer agrees byte for byte
        String instance = "{\"instance\":\"" + instanceId + "\",\"pid\":" + pid + ",\"port\":" + port
                + ",\"startedAt\":\"" + startedAt + "\"}\n";
        AtomicFiles.writeString(home.hubInstanceFile(), instance);
        AtomicFiles.writeString(home.hubPortFile(), port + "\n");
        return new RunFiles(home, instanceId);
    }

    void remove() throws IOException {
        Path instanceFile = home.hubInstanceFile();
        if (Files.isRegularFile(instanceFile)
                && !Files.readString(instanceFile, StandardCharsets.UTF_8).contains("\"" + instanceId + "\"")) {
            return; // another hub has written its own files since
        }
        Files.deleteIfExists(home.hubPortFile());
        Files.deleteIfExists(instanceFile);
    }
}

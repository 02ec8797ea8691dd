package computer.parachute.hub.core.fs;

import computer.parachute.hub.core.db.HubDatabase;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.manifest.EnvFile;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.token.OperatorTokenFile;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run in a child JVM under {@code umask 000} by {@link OwnerOnlyUnderUmaskTest}: every core writer creates its files
 * under a fresh home, then (hub.db still open, so -wal and -shm exist) every path and its mode is printed, one per
 * line. A control file made with a plain {@code Files.createFile} shows the umask really is 000 in the child.
 */
public final class UmaskWriters {
    private UmaskWriters() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Files.createFile(root.resolve("control"));
        HubHome home = new HubHome(root.resolve("home/nested"));
        new ServicesRegistry(home.servicesJson()).upsert(ServiceEntry.of("vault", 1940, List.of("/vault"), "/health", "1"));
        EnvFile env = EnvFile.load(home.moduleEnvFile("vault"));
        env.upsert("KEY", "value");
        env.save();
        new OperatorTokenFile(home.operatorToken(), w -> { }).write("token");
        AtomicFiles.writeString(home.hubPortFile(), "1939\n");
        try (OutputStream log = PrivateFiles.openAppend(PrivateFiles.createDirectories(home.moduleLogFile("vault").getParent())
                .resolve("vault.log"))) {
            log.write("line\n".getBytes());
        }
        try (HubDatabase db = HubDatabase.open(home.hubDb());
             Connection connection = db.connection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS probe (x INTEGER)");
            statement.execute("INSERT INTO probe VALUES (1)");
            try (Stream<Path> all = Files.walk(root)) {
                for (Path path : all.toList()) {
                    System.out.println(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)) + " "
                            + root.relativize(path));
                }
            }
        }
    }
}

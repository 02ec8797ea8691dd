package computer.parachute.hub.cli.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A local account's home directory from {@code /etc/passwd} (for {@code hub install --user NAME}). */
final class UserAccounts {
    private static final Path PASSWD = Path.of("/etc/passwd");
    private static final int HOME_FIELD = 5;

    private UserAccounts() {}

    static Optional<Path> home(String user) {
        return home(PASSWD, user);
    }

    static Optional<Path> home(Path passwd, String user) {
        try {
            for (String line : Files.readAllLines(passwd, StandardCharsets.UTF_8)) {
                String[] fields = line.split(":", -1);
                if (fields.length > HOME_FIELD && fields[0].equals(user) && fields[HOME_FIELD].startsWith("/")) {
                    return Optional.of(Path.of(fields[HOME_FIELD]));
                }
            }
        } catch (IOException e) {
            // no passwd file: the user cannot be resolved
        }
        return Optional.empty();
    }
}

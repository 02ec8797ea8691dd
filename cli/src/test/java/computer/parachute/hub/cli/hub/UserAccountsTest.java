package computer.parachute.hub.cli.hub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserAccountsTest {
    @TempDir
    Path root;

    @Test
    void findsTheHomeOfANamedAccountOnly() throws Exception {
        Path passwd = root.resolve("passwd");
        Files.writeString(passwd, "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:Alice,,,:/home/alice:/bin/zsh\nbroken\n");
        assertEquals(Optional.of(Path.of("/home/alice")), UserAccounts.home(passwd, "alice"));
        assertEquals(Optional.empty(), UserAccounts.home(passwd, "ali"));
        assertEquals(Optional.empty(), UserAccounts.home(root.resolve("absent"), "alice"));
    }
}

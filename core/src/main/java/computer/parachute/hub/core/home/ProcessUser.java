package computer.parachute.hub.core.home;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The uid and name of the user this process runs as (what StrictModes compares owners with). */
final class ProcessUser {
    private ProcessUser() {}

    static long uid() throws IOException {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (LinkageError | RuntimeException e) {
            // a runtime without jdk.security.auth: a file this process creates is owned by its effective uid
            Path probe = Files.createTempFile("parachute-uid", ".probe");
            try {
                return ((Number) Files.getAttribute(probe, "unix:uid")).longValue();
            } finally {
                Files.deleteIfExists(probe);
            }
        }
    }

    static String name() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUsername();
        } catch (LinkageError | RuntimeException e) {
            return System.getProperty("user.name");
        }
    }
}

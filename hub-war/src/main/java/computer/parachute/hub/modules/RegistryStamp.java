package computer.parachute.hub.modules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What tells a changed services.json from an unchanged one without reading it: modification time, size and inode
 * (an atomic rename changes the inode even within one mtime tick). Cheap enough to poll every second.
 */
public final class RegistryStamp {
    private RegistryStamp() {}

    /** An opaque value that differs whenever the file was replaced or changed; "absent" when there is none. */
    public static Object of(Path file) {
        try {
            return List.of(Files.getLastModifiedTime(file), Files.size(file), Files.getAttribute(file, "unix:ino"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "absent";
        }
    }
}

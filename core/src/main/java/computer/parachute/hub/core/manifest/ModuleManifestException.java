package computer.parachute.hub.core.manifest;

import java.nio.file.Path;

/** A module.json that is missing or invalid; the message names the file and the problem. */
public final class ModuleManifestException extends Exception {
    public ModuleManifestException(Path file, String problem) {
        super(file + ": " + problem);
    }
}

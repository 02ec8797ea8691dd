package computer.parachute.hub.core.manifest;

import computer.parachute.hub.core.fs.BoundedFiles;
import computer.parachute.hub.core.json.JsonFields;
import computer.parachute.hub.core.json.JsonFiles;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A module's own manifest, {@code <installDir>/.parachute/module.json} (reference §1.3 item 3). {@code startCmd}
 * is an argv array (never a shell string); it is empty for a CLI-only module.
 */
public record ModuleManifest(String name, String manifestName, String displayName, String tagline, int port,
                             List<String> paths, String health, List<String> startCmd) {

    public static final String RELATIVE_PATH = ".parachute/module.json";
    /** A manifest larger than this is refused (DESIGN §12); real ones are under a KiB. */
    public static final long MAX_BYTES = BoundedFiles.ONE_MIB;

    public static Path fileIn(Path installDir) {
        return installDir.resolve(RELATIVE_PATH);
    }

    /** Reads and validates the manifest in {@code installDir}; the exception names the file and the field. */
    public static ModuleManifest read(Path installDir) throws ModuleManifestException {
        Path file = fileIn(installDir);
        String text;
        try {
            text = BoundedFiles.readString(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new ModuleManifestException(file, "does not exist — is " + installDir + " a Parachute module directory?");
        } catch (BoundedFiles.UnreadableFileException e) {
            throw new ModuleManifestException(file, e.problem());
        } catch (IOException e) {
            throw new ModuleManifestException(file, "cannot be read (" + e.getMessage() + ")");
        }
        try {
            JsonValue root = JsonFiles.parse(text);
            if (!(root instanceof JsonObject object)) {
                throw new ModuleManifestException(file, "must be a JSON object");
            }
            return fromJson(object);
        } catch (JsonFiles.InvalidJsonException e) {
            throw new ModuleManifestException(file, "is not valid JSON (" + e.getMessage() + ")");
        } catch (JsonFields.FieldException e) {
            throw new ModuleManifestException(file, e.getMessage());
        }
    }

    static ModuleManifest fromJson(JsonObject object) throws JsonFields.FieldException {
        JsonFields fields = new JsonFields(object);
        String name = fields.requiredString("name");
        String manifestName = fields.optionalString("manifestName");
        String health = fields.requiredString("health");
        if (!health.startsWith("/")) {
            throw new JsonFields.FieldException("health", "must start with \"/\", got \"" + health + "\"");
        }
        List<String> startCmd = fields.optionalStringList("startCmd");
        if (startCmd.stream().anyMatch(String::isBlank)) {
            throw new JsonFields.FieldException("startCmd", "must not contain empty arguments");
        }
        return new ModuleManifest(name, manifestName == null ? name : manifestName, fields.optionalString("displayName"),
                fields.optionalString("tagline"), fields.requiredPort("port"), fields.requiredStringList("paths"),
                health, startCmd);
    }
}

package computer.parachute.hub.core.manifest;

import computer.parachute.hub.core.fs.AtomicFiles;
import computer.parachute.hub.core.fs.BoundedFiles;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's {@code <short>/.env} (reference §1.4): KEY=value lines; comments, {@code export} lines and anything
 * else are kept verbatim on a round trip. One level of matching quotes is stripped from values.
 */
public final class EnvFile {
    private final Path file;
    private final List<String> lines;

    private EnvFile(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** A .env larger than this is refused (DESIGN §12): a module's settings are a few lines. */
    public static final long MAX_BYTES = BoundedFiles.ONE_MIB;

    /**
     * Loads {@code file}; a missing file is an empty one. A file over {@link #MAX_BYTES} or one that is not a regular
     * file (a FIFO would block the reader) is a {@link BoundedFiles.UnreadableFileException} naming the file.
     */
    public static EnvFile load(Path file) throws IOException {
        try {
            String text = BoundedFiles.readString(file, MAX_BYTES);
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return new EnvFile(file, lines);
        } catch (NoSuchFileException e) {
            return new EnvFile(file, new ArrayList<>());
        }
    }

    /** The pairs in file order; for a repeated key the last one wins. */
    public Map<String, String> pairs() {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq >= 1) {
                pairs.put(line.substring(0, eq), unquote(line.substring(eq + 1)));
            }
        }
        return pairs;
    }

    /** Replaces the first {@code KEY=} line in place, or appends one. */
    public void upsert(String key, String value) {
        String line = key + "=" + value;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + "=")) {
                lines.set(i, line);
                return;
            }
        }
        lines.add(line);
    }

    public void remove(String key) {
        lines.removeIf(l -> l.startsWith(key + "="));
    }

    public void save() throws IOException {
        AtomicFiles.writeString(file, String.join("\n", lines) + "\n");
    }

    static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            char last = value.charAt(value.length() - 1);
            if ((first == '"' || first == '\'') && first == last) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }
}

package computer.parachute.hub.core.manifest;

import computer.parachute.hub.core.fs.AtomicFiles;
import computer.parachute.hub.core.fs.BoundedFiles;
import computer.parachute.hub.core.fs.StampedCache;
import computer.parachute.hub.core.json.JsonFields;
import computer.parachute.hub.core.json.JsonFiles;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * {@code services.json}, the module registry (reference §1.3). The strict reader refuses a malformed file with
 * one message naming the row and field; the lenient reader skips bad rows with a warning and never throws.
 * Every change is a locked read-modify-write that refuses to touch a malformed file, so a typo of the
 * operator's is reported, never "repaired" by truncation.
 */
public final class ServicesRegistry {
    /** services.json larger than this is refused (DESIGN §12): a real registry is a few KiB. */
    public static final long MAX_BYTES = BoundedFiles.ONE_MIB;
    private final Path file;
    private final AtomicLong parses = new AtomicLong();
    /** One file; its reading is shared by every caller until the file changes (the racy rule included). */
    private final StampedCache<RegistryState> cached = new StampedCache<>();

    public ServicesRegistry(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Every row, validated; a missing file is an empty registry. */
    public List<ServiceEntry> readStrict() throws ServicesFileException {
        return state().strictEntries();
    }

    /** The usable rows; never throws (an unreadable file is an empty registry plus a warning and {@code invalid()}). */
    public ServicesRead readLenient() {
        return state().lenient();
    }

    /**
     * The file as parsed at its current version: parsed once per change (modification time, size, file key) and
     * shared by every caller, so a request costs a stat, not a parse.
     */
    public RegistryState state() {
        return cached.get(file, this::parse);
    }

    /** How many times the file has been parsed (tests show that an unchanged file is not parsed again). */
    long parseCount() {
        return parses.get();
    }

    /** One parse gives both readings: the strict one (or its error) and the lenient one. */
    private RegistryState parse(StampedCache.Stamp stamp) {
        parses.incrementAndGet();
        long readAt = System.currentTimeMillis(); // wall time, as file timestamps are
        List<JsonObject> rows;
        try {
            rows = rows(readText());
        } catch (ServicesFileException e) {
            return new RegistryState(stamp, readAt, null, e, new ServicesRead(List.of(), List.of(e.getMessage()), e));
        }
        List<ServiceEntry> strict = new ArrayList<>(rows.size());
        ServicesFileException strictError = null;
        List<String> warnings = new ArrayList<>();
        List<ServiceEntry> lenient = new ArrayList<>();
        Map<Integer, ServiceEntry> byPort = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                ServiceEntry entry = parseRow(rows.get(i), i);
                strict.add(entry);
                ServiceEntry holder = byPort.get(entry.port());
                if (holder != null && !mayShare(holder, entry)) {
                    warnings.add(file + ": skipping \"" + entry.name() + "\": port " + entry.port() + " is already used by \"" + holder.name() + "\"");
                    continue;
                }
                byPort.putIfAbsent(entry.port(), entry);
                lenient.add(entry);
            } catch (ServicesFileException e) {
                warnings.add(e.getMessage());
                strictError = strictError == null ? e : strictError;
            }
        }
        if (strictError == null) {
            try {
                rejectDuplicatePorts(strict);
            } catch (ServicesFileException e) {
                strictError = e;
            }
        }
        return new RegistryState(stamp, readAt, strictError == null ? strict : null, strictError,
                new ServicesRead(lenient, warnings));
    }

    /** Replaces the row with the same name, or appends it. */
    public void upsert(ServiceEntry entry) throws ServicesFileException, IOException {
        update(entries -> {
            List<ServiceEntry> next = new ArrayList<>(entries);
            int at = indexOf(next, entry.name());
            if (at >= 0) {
                next.set(at, entry);
            } else {
                next.add(entry);
            }
            return next;
        });
    }

    /** Removes the named row; false when there was none (the file is then left untouched). */
    public boolean remove(String name) throws ServicesFileException, IOException {
        boolean[] removed = {false};
        update(entries -> {
            List<ServiceEntry> next = new ArrayList<>(entries);
            removed[0] = next.removeIf(e -> e.name().equals(name));
            return removed[0] ? next : entries;
        });
        return removed[0];
    }

    /** Stamps {@code lastStartError} on the named row (no-op when absent); {@code at} is added when missing. */
    public void recordStartError(String name, JsonObject error, String nowIso) throws ServicesFileException, IOException {
        JsonObject stamped = error.containsKey("at") ? error : Json.createObjectBuilder(error).add("at", nowIso).build();
        replaceRow(name, e -> e.withLastStartError(stamped));
    }

    public void clearStartError(String name) throws ServicesFileException, IOException {
        replaceRow(name, e -> e.lastStartError() == null ? e : e.withLastStartError(null));
    }

    private void replaceRow(String name, UnaryOperator<ServiceEntry> change) throws ServicesFileException, IOException {
        update(entries -> {
            List<ServiceEntry> next = new ArrayList<>(entries);
            int at = indexOf(next, name);
            if (at >= 0) {
                next.set(at, change.apply(next.get(at)));
            }
            return next;
        });
    }

    private void update(UnaryOperator<List<ServiceEntry>> change) throws ServicesFileException, IOException {
        try (RegistryLock ignored = RegistryLock.acquire(file)) {
            List<ServiceEntry> before = parse(StampedCache.Stamp.of(file)).strictEntries(); // never a cached reading under the lock
            List<ServiceEntry> after = change.apply(before);
            if (after == before) {
                return;
            }
            rejectDuplicatePorts(after);
            write(after);
        }
    }

    private void write(List<ServiceEntry> entries) throws IOException {
        JsonArrayBuilder services = Json.createArrayBuilder();
        entries.forEach(e -> services.add(e.toJson()));
        JsonObject root = Json.createObjectBuilder(rootObjectOrEmpty()).add("services", services).build();
        AtomicFiles.writeString(file, JsonFiles.pretty(root));
    }

    /** Keeps any top-level members besides "services" that the file had. */
    private JsonObject rootObjectOrEmpty() {
        try {
            JsonValue parsed = JsonFiles.parse(readText());
            return parsed instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (ServicesFileException | JsonFiles.InvalidJsonException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private String readText() throws ServicesFileException {
        try {
            return BoundedFiles.readString(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return "";
        } catch (BoundedFiles.UnreadableFileException e) {
            throw new ServicesFileException(file, e.problem());
        } catch (IOException e) {
            throw new ServicesFileException(file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private List<JsonObject> rows(String text) throws ServicesFileException {
        if (text.isEmpty() && !Files.exists(file)) {
            return List.of();
        }
        if (text.isBlank()) {
            throw new ServicesFileException(file, "is empty; expected {\"services\": [...]}");
        }
        JsonValue root;
        try {
            root = JsonFiles.parse(text);
        } catch (JsonFiles.InvalidJsonException e) {
            throw new ServicesFileException(file, "is not valid JSON (" + e.getMessage() + ")");
        }
        if (!(root instanceof JsonObject object) || !(object.get("services") instanceof JsonArray array)) {
            throw new ServicesFileException(file, "must be an object with a \"services\" array");
        }
        List<JsonObject> rows = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject row)) {
                throw new ServicesFileException(file, "services[" + i + "] must be an object, got " + JsonFields.describe(array.get(i)));
            }
            rows.add(row);
        }
        return rows;
    }

    private ServiceEntry parseRow(JsonObject row, int index) throws ServicesFileException {
        try {
            return ServiceEntry.fromJson(row);
        } catch (JsonFields.FieldException e) {
            String name = row.get("name") instanceof jakarta.json.JsonString s ? " (\"" + s.getString() + "\")" : "";
            throw new ServicesFileException(file, "services[" + index + "]" + name + ": " + e.getMessage());
        }
    }

    private void rejectDuplicatePorts(List<ServiceEntry> entries) throws ServicesFileException {
        Map<Integer, ServiceEntry> byPort = new HashMap<>();
        for (ServiceEntry entry : entries) {
            ServiceEntry holder = byPort.putIfAbsent(entry.port(), entry);
            if (holder != null && !mayShare(holder, entry)) {
                throw new ServicesFileException(file, "\"" + holder.name() + "\" and \"" + entry.name()
                        + "\" both use port " + entry.port() + "; give one of them a free port");
            }
        }
    }

    /** Several vault instances legitimately share one port (reference §1.3). */
    private static boolean mayShare(ServiceEntry a, ServiceEntry b) {
        return a.name().startsWith("parachute-vault") && b.name().startsWith("parachute-vault");
    }

    private static int indexOf(List<ServiceEntry> entries, String name) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}

package computer.parachute.hub.core.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/** Typed reads of one JSON object's members; each failure names the field and what was wrong with it. */
public final class JsonFields {
    private final JsonObject object;

    public JsonFields(JsonObject object) {
        this.object = object;
    }

    public String requiredString(String field) throws FieldException {
        String value = optionalString(field);
        if (value == null || value.isEmpty()) {
            throw new FieldException(field, "is required and must be a non-empty string");
        }
        return value;
    }

    /** The string, or null when the member is absent or JSON null. */
    public String optionalString(String field) throws FieldException {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new FieldException(field, "must be a string, got " + describe(value));
        }
        return string.getString();
    }

    public int requiredPort(String field) throws FieldException {
        JsonValue value = object.get(field);
        if (value == null) {
            throw new FieldException(field, "is required (an integer 1..65535)");
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new FieldException(field, "must be an integer 1..65535, got " + describe(value));
        }
        int port;
        try {
            port = number.intValueExact();
        } catch (ArithmeticException e) {
            throw new FieldException(field, "must be an integer 1..65535, got " + number);
        }
        if (port < 1 || port > 65_535) {
            throw new FieldException(field, "must be an integer 1..65535, got " + port);
        }
        return port;
    }

    public List<String> requiredStringList(String field) throws FieldException {
        if (!object.containsKey(field)) {
            throw new FieldException(field, "is required (an array of strings)");
        }
        return optionalStringList(field);
    }

    /** The strings, or an empty list when absent or null. */
    public List<String> optionalStringList(String field) throws FieldException {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new FieldException(field, "must be an array of strings, got " + describe(value));
        }
        List<String> strings = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString string)) {
                throw new FieldException(field + "[" + i + "]", "must be a string, got " + describe(array.get(i)));
            }
            strings.add(string.getString());
        }
        return List.copyOf(strings);
    }

    /** The object, or null when absent, null or not an object (callers that must not fail on it, e.g. lastStartError). */
    public JsonObject objectOrNull(String field) {
        JsonValue value = object.get(field);
        return value instanceof JsonObject nested ? nested : null;
    }

    public static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "the string " + value;
            case NUMBER -> "the number " + value;
            case TRUE, FALSE -> "the boolean " + value;
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
        };
    }

    /** A member that is missing or has the wrong type. */
    public static final class FieldException extends Exception {
        private final String field;

        public FieldException(String field, String problem) {
            super("\"" + field + "\" " + problem);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}

package computer.parachute.hub.core.unit;

/**
 * Quoting for values systemd splits into words ({@code Environment=}, {@code ExecStart=}), per
 * systemd.syntax(7) and systemd.service(5): a word with whitespace, quotes or backslashes is wrapped
 * in double quotes with C-style escapes; {@code %} is always a specifier, so it is doubled; in
 * {@code ExecStart=} {@code $} starts a variable, so it is doubled too.
 */
final class SystemdQuoting {

    private SystemdQuoting() {
    }

    /** One {@code Environment=} operand: {@code KEY=value}, quoted as a whole when needed. */
    static String environmentAssignment(String key, String value) {
        return word(key + "=" + value, false);
    }

    /** One {@code ExecStart=} argument. */
    static String execArgument(String argument) {
        return word(argument, true);
    }

    private static String word(String raw, boolean exec) {
        String escaped = raw.replace("%", "%%");
        if (exec) {
            escaped = escaped.replace("$", "$$");
        }
        if (!needsQuotes(raw, exec)) {
            return escaped;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : escaped.toCharArray()) {
            quoted.append(escapeInQuotes(c));
        }
        return quoted.append('"').toString();
    }

    private static boolean needsQuotes(String raw, boolean exec) {
        if (raw.isEmpty() || (exec && raw.equals(";"))) {
            return true; // an empty word vanishes; a lone ";" once separated commands
        }
        for (char c : raw.toCharArray()) {
            if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\' || Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }

    private static String escapeInQuotes(char c) {
        switch (c) {
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\t':
                return "\\t";
            case '\r':
                return "\\r";
            default:
                return Character.isISOControl(c) ? String.format("\\x%02x", (int) c) : String.valueOf(c);
        }
    }
}

package computer.parachute.hub.supervisor;

import java.util.Locale;

/**
 * Makes a module's output line safe to store beside the supervisor's notes (issue 9): control characters (a
 * carriage return or an escape sequence could repaint a terminal line during {@code parachute logs}) become U+FFFD,
 * and a line that starts like one of the hub's own notes gets the module's {@code [<short>] } prefix, so a module
 * printing "[supervisor] vault crashed" cannot pass for the supervisor in its log, ring buffer or log stream.
 */
final class ModuleLines {
    private static final char REPLACEMENT = '\uFFFD';
    /** How the hub's own notes begin (lower case): supervisor notes, launcher lines, and the reserved [hub] prefix. */
    private static final String[] NOTE_STARTS = {"[supervisor]", "[hub]", "supervisor:", "parachute hub:", "hub:"};

    private ModuleLines() {}

    static String forLog(String shortName, String line) {
        String clean = withoutControls(line);
        return looksLikeANote(clean) ? "[" + shortName + "] " + clean : clean;
    }

    private static boolean looksLikeANote(String line) {
        String start = line.stripLeading().toLowerCase(Locale.ROOT);
        for (String note : NOTE_STARTS) {
            if (start.startsWith(note)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutControls(String line) {
        StringBuilder out = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
            if (control && out == null) {
                out = new StringBuilder(line.length()).append(line, 0, i);
            }
            if (out != null) {
                out.append(control ? REPLACEMENT : c);
            }
        }
        return out == null ? line : out.toString();
    }
}

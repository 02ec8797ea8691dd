package computer.parachute.hub.core.unit;

import java.util.Map;

/**
 * Renders {@link HubUnit} as a launchd LaunchAgent property list (reference §5.2): label, argv,
 * environment, run at load, keep alive, respawn throttle, and both output streams to the hub log.
 */
public final class LaunchdPlist {

    private static final String PROLOGUE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
            + "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n";

    private LaunchdPlist() {
    }

    /** The plist text, newline-terminated. */
    public static String render(HubUnit unit) {
        StringBuilder out = new StringBuilder(PROLOGUE);
        out.append("<!-- ").append(comment(unit.header())).append(" -->\n");
        out.append("<plist version=\"1.0\">\n<dict>\n");
        keyString(out, "Label", unit.label());
        out.append("\t<key>ProgramArguments</key>\n\t<array>\n");
        for (String arg : unit.execStart()) {
            out.append("\t\t<string>").append(escape(arg)).append("</string>\n");
        }
        out.append("\t</array>\n");
        if (!unit.env().isEmpty()) {
            out.append("\t<key>EnvironmentVariables</key>\n\t<dict>\n");
            for (Map.Entry<String, String> e : unit.env().entrySet()) {
                out.append("\t\t<key>").append(escape(e.getKey())).append("</key>\n");
                out.append("\t\t<string>").append(escape(e.getValue())).append("</string>\n");
            }
            out.append("\t</dict>\n");
        }
        out.append("\t<key>RunAtLoad</key>\n\t<true/>\n");
        out.append("\t<key>KeepAlive</key>\n\t<true/>\n");
        if (unit.ceiling().hasThrottle()) {
            out.append("\t<key>ThrottleInterval</key>\n\t<integer>")
                    .append(unit.ceiling().throttleIntervalSeconds()).append("</integer>\n");
        }
        // launchd takes the umask as a decimal integer: 63 = 0077, owner-only files (DESIGN §12)
        out.append("\t<key>Umask</key>\n\t<integer>").append(UnitUmask.DECIMAL).append("</integer>\n");
        keyString(out, "StandardOutPath", unit.logPath().toString());
        keyString(out, "StandardErrorPath", unit.logPath().toString());
        out.append("</dict>\n</plist>\n");
        return out.toString();
    }

    private static void keyString(StringBuilder out, String key, String value) {
        out.append("\t<key>").append(key).append("</key>\n");
        out.append("\t<string>").append(escape(value)).append("</string>\n");
    }

    /** Element text needs only these three; nothing goes into attributes. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** "--" ends an XML comment early; the header never has one, but a caller-built unit might. */
    private static String comment(String text) {
        return text.replace("--", "- -");
    }
}

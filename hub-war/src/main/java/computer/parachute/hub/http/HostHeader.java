package computer.parachute.hub.http;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The host name of a {@code Host} header value ({@code host[:port]}, {@code [v6]:port}), lower case, port dropped. */
final class HostHeader {
    private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[^\\]]*]|[^:\\[\\]]*)(:\\d{0,5})?");

    private HostHeader() {}

    /** Empty when the value is not {@code host[:port]} (a bare IPv6 address, junk): such a Host names nothing of ours. */
    static Optional<String> hostName(String value) {
        Matcher matcher = HOST_AND_PORT.matcher(value.trim());
        if (!matcher.matches() || matcher.group(1).isEmpty()) {
            return Optional.empty();
        }
        String host = matcher.group(1).toLowerCase(Locale.ROOT);
        // "localhost." is the fully qualified spelling of "localhost"; one trailing dot never changes the name
        return Optional.of(host.endsWith(".") && host.length() > 1 ? host.substring(0, host.length() - 1) : host);
    }

    /** A container's {@code getServerName()} in the same form: lower case, an IPv6 address in brackets. */
    static String serverName(String name) {
        if (name == null) {
            return "";
        }
        String host = name.trim().toLowerCase(Locale.ROOT);
        host = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return host.endsWith(".") && host.length() > 1 ? host.substring(0, host.length() - 1) : host;
    }
}

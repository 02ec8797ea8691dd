package computer.parachute.hub.web;

import jakarta.servlet.ServletContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard's files, read from the WAR's web root ({@code /ui/...}) through the servlet context, so the same
 * code serves them from the launcher's exploded WAR and from a stock container. Only plain names under {@code ui/}
 * with a known extension are served (no path can climb out), each read once and kept: the WAR does not change
 * while it runs.
 */
public final class WebAssets {
    /** A file and the tag a browser revalidates it with. */
    public record Asset(byte[] bytes, String mediaType, String etag) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}\\.(html|css|js|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8", "css", "text/css;charset=utf-8",
            "js", "text/javascript;charset=utf-8", "svg", "image/svg+xml");

    private final ServletContext context;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    public WebAssets(ServletContext context) {
        this.context = context;
    }

    /** {@code ui/<name>}, or empty when the name is not servable or no such file is in the WAR. */
    public Optional<Asset> get(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(name, this::load);
    }

    /** A page the dashboard cannot do without; its absence is a broken build, not a client error. */
    public Asset require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("the WAR has no ui/" + name + "; rebuild it"));
    }

    private Optional<Asset> load(String name) {
        try (InputStream in = context.getResourceAsStream("/ui/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new Asset(bytes, TYPES.get(extension), etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ui/" + name + " from the WAR", e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

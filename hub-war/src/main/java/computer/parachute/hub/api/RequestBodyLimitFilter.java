package computer.parachute.hub.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Rejects request bodies over {@link #MAX_BODY_BYTES} with 413 {@code payload_too_large} (DESIGN §6): at once from
 * {@code Content-Length}, and for chunked bodies by reading at most one byte past the limit into memory and handing
 * the buffered copy on. Pre-matching, so it guards unknown paths too. A moderately oversized body is read to its end
 * (and dropped) before the 413 goes out: a body left unread makes Jetty close the connection after the response,
 * and a client that already pooled that connection, or is still writing, then sees a reset instead of the 413.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RequestBodyLimitFilter implements ContainerRequestFilter {
    /** DESIGN §6: the API takes small JSON bodies only. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Up to this much of an oversized body is drained so the connection stays usable; beyond it Jetty closes. */
    static final long DRAIN_MAX_BYTES = 1024 * 1024;
    private static final int DRAIN_BUFFER_BYTES = 8 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            if (parseLength(declared) > MAX_BODY_BYTES) {
                drain(request.getEntityStream(), 0);
                throw tooLarge();
            }
            return; // the container enforces the declared length
        }
        try {
            if (request.hasEntity()) {
                request.setEntityStream(new ByteArrayInputStream(readBounded(request.getEntityStream())));
            }
        } catch (HubApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreadable(); // Jetty's BadMessageException for bad chunking is unchecked
        }
    }

    private static byte[] readBounded(InputStream in) {
        byte[] body;
        try {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            // bad chunking, or the client closed mid-body: the client's fault, not a 500 (bad-input corpus)
            throw unreadable();
        }
        if (body.length > MAX_BODY_BYTES) {
            drain(in, MAX_BODY_BYTES + 1);
            throw tooLarge();
        }
        return body;
    }

    /** Reads and drops the rest of an oversized body, up to {@link #DRAIN_MAX_BYTES} in all; never fails. */
    private static void drain(InputStream in, long alreadyRead) {
        byte[] buffer = new byte[DRAIN_BUFFER_BYTES];
        long total = alreadyRead;
        try {
            int n;
            while (total < DRAIN_MAX_BYTES && (n = in.read(buffer)) > 0) {
                total += n;
            }
        } catch (IOException e) {
            // the client went away or sent a broken body: the 413 is still the answer
        }
    }

    private static long parseLength(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            throw new HubApiException(400, "bad_request", "Content-Length is not a number: \"" + declared + "\"");
        }
    }

    private static HubApiException unreadable() {
        return new HubApiException(400, "bad_request", "the request body could not be read (broken chunked encoding or cut short)");
    }

    private static HubApiException tooLarge() {
        return new HubApiException(413, "payload_too_large",
                "request body is larger than " + MAX_BODY_BYTES + " bytes");
    }
}

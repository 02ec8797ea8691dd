package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.fs.PrivateFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code <short>/logs/<short>.log} with size rotation (DESIGN §4): when the next line would pass {@code maxBytes}
 * the files shift ({@code .log} to {@code .log.1} ...) and the oldest beyond {@code fileCount} is dropped.
 * A write failure is logged once per failure streak and never stops the module or the other sinks.
 */
final class RotatingLogFile {
    private static final Logger LOG = Logger.getLogger(RotatingLogFile.class.getName());

    private final Path file;
    private final long maxBytes;
    private final int fileCount;
    private OutputStream out;
    private long size;
    private boolean failing;
    /** Bytes appended since the hub started (rotation does not reset it); read without the lock by metrics. */
    private volatile long written;

    RotatingLogFile(Path file, long maxBytes, int fileCount) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.fileCount = fileCount;
    }

    synchronized void append(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (out == null) {
                open();
            }
            if (size > 0 && size + bytes.length > maxBytes) {
                rotate();
            }
            out.write(bytes);
            out.flush();
            size += bytes.length;
            written += bytes.length;
            failing = false;
        } catch (IOException e) {
            closeQuietly();
            if (!failing) {
                LOG.log(Level.WARNING, "cannot write module log " + file + ": " + e.getMessage()
                        + " (check the directory exists and is writable)", e);
            }
            failing = true;
        }
    }

    long bytesWritten() {
        return written;
    }

    synchronized void close() {
        closeQuietly();
    }

    private void open() throws IOException {
        PrivateFiles.createDirectories(file.getParent()); // 0700 dirs, 0600 files: a module's output is its own
        out = PrivateFiles.openAppend(file);
        size = Files.size(file);
    }

    private void rotate() throws IOException {
        closeQuietly();
        for (int index = fileCount - 1; index >= 1; index--) {
            Path from = index == 1 ? file : numbered(index - 1);
            if (Files.exists(from)) {
                Files.move(from, numbered(index), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        open();
    }

    private Path numbered(int index) {
        return file.resolveSibling(file.getFileName() + "." + index);
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing " + file, e);
            }
            out = null;
        }
    }
}

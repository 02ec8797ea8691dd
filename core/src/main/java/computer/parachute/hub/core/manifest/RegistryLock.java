package computer.parachute.hub.core.manifest;

import java.io.IOException;
import computer.parachute.hub.core.fs.PrivateFiles;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises read-modify-write of one registry file across threads (an in-JVM lock; FileLock is per JVM) and
 * across processes (an OS lock on a sibling {@code .lock} file: the hub and the CLI both write services.json).
 */
final class RegistryLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private RegistryLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    static RegistryLock acquire(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(absolute, p -> new ReentrantLock());
        threadLock.lock();
        FileChannel channel = null;
        try {
            PrivateFiles.createDirectories(absolute.getParent());
            Path lockFile = absolute.resolveSibling("." + absolute.getFileName() + ".lock");
            channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PrivateFiles.attributes(PrivateFiles.FILE_MODE));
            return new RegistryLock(threadLock, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
            channel.close();
        } finally {
            threadLock.unlock();
        }
    }
}

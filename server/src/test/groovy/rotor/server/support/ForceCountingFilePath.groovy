package rotor.server.support

import org.h2.store.fs.FileBase
import org.h2.store.fs.FilePath
import org.h2.store.fs.FilePathWrapper

import java.nio.ByteBuffer
import java.nio.channels.FileChannel
import java.nio.channels.FileLock
import java.util.concurrent.atomic.AtomicInteger

/**
 * An H2 file system ({@code jdbc:h2:forcecount:/dir/db}) that passes everything to the disk and
 * counts the fsyncs (FileChannel.force) made on its files: what H2 forces to disk can be seen.
 */
class ForceCountingFilePath extends FilePathWrapper {

    static final AtomicInteger FORCES = new AtomicInteger()
    private static final ForceCountingFilePath PROVIDER = new ForceCountingFilePath()

    /** Makes the scheme known to H2; idempotent. */
    static synchronized void register() {
        FilePath.register(PROVIDER)
    }

    @Override
    String getScheme() {
        'forcecount'
    }

    @Override
    FileChannel open(String mode) throws IOException {
        new Counted(getBase().open(mode))
    }

    private static final class Counted extends FileBase {
        private final FileChannel channel

        Counted(FileChannel channel) {
            this.channel = channel
        }

        @Override
        void force(boolean metaData) throws IOException {
            FORCES.incrementAndGet()
            channel.force(metaData)
        }

        @Override
        int read(ByteBuffer dst) throws IOException { channel.read(dst) }

        @Override
        int read(ByteBuffer dst, long position) throws IOException { channel.read(dst, position) }

        @Override
        int write(ByteBuffer src) throws IOException { channel.write(src) }

        @Override
        int write(ByteBuffer src, long position) throws IOException { channel.write(src, position) }

        @Override
        long position() throws IOException { channel.position() }

        @Override
        FileChannel position(long newPosition) throws IOException {
            channel.position(newPosition)
            this
        }

        @Override
        long size() throws IOException { channel.size() }

        @Override
        FileChannel truncate(long size) throws IOException {
            channel.truncate(size)
            this
        }

        @Override
        FileLock tryLock(long position, long size, boolean shared) throws IOException {
            channel.tryLock(position, size, shared)
        }

        @Override
        protected void implCloseChannel() throws IOException {
            channel.close()
        }
    }
}

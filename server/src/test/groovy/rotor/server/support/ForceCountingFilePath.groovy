package rotor.server.support

import org.h2.store.fs.FilePath
import org.h2.store.fs.FilePathWrapper

import java.nio.channels.FileChannel
import java.util.concurrent.atomic.AtomicInteger

/**
 * An H2 file system ({@code jdbc:h2:forcecount:/dir/db}) that passes everything to the disk and
 * counts the fsyncs (FileChannel.force) made on its files: what H2 forces to disk can be seen.
 * With {@link #FAILING} set its fsyncs fail, as on a disk that went away.
 */
class ForceCountingFilePath extends FilePathWrapper {

    static final AtomicInteger FORCES = new AtomicInteger()
    static volatile boolean FAILING
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

    private static final class Counted extends PassThroughFileChannel {

        Counted(FileChannel channel) {
            super(channel)
        }

        @Override
        void force(boolean metaData) throws IOException {
            FORCES.incrementAndGet()
            if (FAILING) {
                throw new IOException('Input/output error')
            }
            channel.force(metaData)
        }
    }
}

package rotor.server.support

import org.h2.store.fs.FileBase

import java.nio.ByteBuffer
import java.nio.channels.FileChannel
import java.nio.channels.FileLock

/**
 * An H2 file channel that passes every call to the channel it wraps: the test file systems
 * override only the calls they watch.
 */
class PassThroughFileChannel extends FileBase {

    protected final FileChannel channel

    PassThroughFileChannel(FileChannel channel) {
        this.channel = channel
    }

    @Override
    void force(boolean metaData) throws IOException { channel.force(metaData) }

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

package rotor.server.store

import rotor.server.support.PassThroughFileChannel
import org.h2.store.fs.FilePathWrapper

import java.nio.ByteBuffer
import java.nio.channels.FileChannel
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicLong

/**
 * An H2 file system, "gated:" before a file path, whose writes to a store file can be held at a
 * gate: what H2's own writer thread does while it holds a chunk can then be looked at. It keeps
 * the order of what reached the file: the last completed write and the last fsync.
 */
class GatedFilePath extends FilePathWrapper {

    private static final AtomicLong events = new AtomicLong()
    private static volatile CountDownLatch held = new CountDownLatch(0)
    private static volatile CountDownLatch release = new CountDownLatch(0)
    private static volatile boolean armed
    private static volatile long lastWrite
    private static volatile long lastForce
    private static volatile boolean forcedWhileHeld

    static void register() {
        register(new GatedFilePath())
    }

    /** The next write to a store file waits at the gate until {@link #releaseHeldWrite()}. */
    static void holdNextWrite() {
        held = new CountDownLatch(1)
        release = new CountDownLatch(1)
        forcedWhileHeld = false
        armed = true
    }

    static boolean awaitHeldWrite(long seconds) {
        held.await(seconds, TimeUnit.SECONDS)
    }

    static void releaseHeldWrite() {
        armed = false
        release.countDown()
    }

    /** Whether an fsync ran while a write waited at the gate: it cannot have covered that write. */
    static boolean forcedWhileHeld() {
        forcedWhileHeld
    }

    /** Whether the file was forced after its last write ended. */
    static boolean forcedSinceLastWrite() {
        lastForce > lastWrite
    }

    @Override
    String getScheme() {
        'gated'
    }

    @Override
    FileChannel open(String mode) throws IOException {
        def channel = super.open(mode)
        name.endsWith('.mv.db') ? new GatedChannel(channel) : channel
    }

    private static final class GatedChannel extends PassThroughFileChannel {

        GatedChannel(FileChannel channel) {
            super(channel)
        }

        @Override
        int write(ByteBuffer src, long position) throws IOException {
            if (armed) {
                armed = false
                held.countDown()
                release.await(60, TimeUnit.SECONDS)
            }
            int written = channel.write(src, position)
            lastWrite = events.incrementAndGet()
            written
        }

        @Override
        int write(ByteBuffer src) throws IOException {
            int written = channel.write(src)
            lastWrite = events.incrementAndGet()
            written
        }

        @Override
        void force(boolean metaData) throws IOException {
            if (held.count == 0 && release.count > 0) {
                forcedWhileHeld = true
            }
            channel.force(metaData)
            lastForce = events.incrementAndGet()
        }
    }
}

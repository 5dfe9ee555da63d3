package rotor.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.LastHttpContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection's deadline for reading a request: from the connection's opening, or from the
 * first byte of each later request, to the end of that request's body. A client past it is cut
 * off, so that a slow client (one that trickles its headers a byte at a time, or stops half-way)
 * holds a connection for a bounded time. Micronaut's idle timeout alone never ends a connection
 * that keeps sending something. Between requests an open connection waits under the idle timeout
 * only, and a request being answered is under no deadline of this one.
 *
 * <p>Two handlers share the state, all on the connection's event loop: {@link #bytes()} before the
 * HTTP codec sees each read and starts the deadline, {@link #messages()} after it sees each
 * request's end and stops it.
 */
final class RequestReadDeadline {

    private static final Logger LOG = LoggerFactory.getLogger(RequestReadDeadline.class);

    private final long timeoutNanos;
    private ScheduledFuture<?> deadline;

    RequestReadDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    ChannelHandler bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                if (ctx.channel().isActive()) {
                    start(ctx);
                }
            }

            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                start(ctx);
                ctx.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
                    start(ctx);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                stop();
                ctx.fireChannelInactive();
            }

            @Override
            public void handlerRemoved(ChannelHandlerContext ctx) {
                stop();
            }
        };
    }

    ChannelHandler messages() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof LastHttpContent) {
                    stop();
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    /** Starts the deadline unless one runs already: a request being read keeps the deadline it started with. */
    private void start(ChannelHandlerContext ctx) {
        if (deadline == null) {
            deadline = ctx.executor().schedule(() -> cutOff(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void stop() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void cutOff(ChannelHandlerContext ctx) {
        deadline = null;
        LOG.info("closed a connection that sent no complete request within {} ms", TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
        ctx.channel().close();
    }
}

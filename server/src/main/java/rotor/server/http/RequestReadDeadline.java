package rotor.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection's deadline for reading a request: from the connection's opening to its first
 * byte, and from the first byte of each request to the end of that request's body. A client past
 * it is cut off, so that a slow client (one that trickles its headers a byte at a time, or stops
 * half-way) holds a connection for a bounded time. Micronaut's idle timeout alone never ends a
 * connection that keeps sending something.
 *
 * <p>No deadline runs while the server owes a response: between requests an open connection
 * waits under the idle timeout only, and a request being answered is never cut off, even when
 * the client has pipelined the start of its next request behind it (that request's deadline
 * starts once every answer owed is written).
 *
 * <p>Two handlers share the state, all on the connection's event loop: {@link #bytes()} before
 * the HTTP codec sees each read, {@link #messages()} after it sees each request's end and each
 * response's end.
 */
final class RequestReadDeadline {

    private static final Logger LOG = LoggerFactory.getLogger(RequestReadDeadline.class);

    private final long timeoutNanos;
    private final Runnable onCutOff;
    private ScheduledFuture<?> deadline;
    /** Bytes of a request have come since the end of the last one. */
    private boolean reading;
    /** Requests read whose final response is not yet written. */
    private int owed;
    /** An interim (1xx) response is being written: its end is no final response. */
    private boolean interim;

    RequestReadDeadline(Duration timeout, Runnable onCutOff) {
        this.timeoutNanos = timeout.toNanos();
        this.onCutOff = onCutOff;
    }

    ChannelHandler bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                if (ctx.channel().isActive() && deadline == null) {
                    arm(ctx);
                }
            }

            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                if (deadline == null) {
                    arm(ctx);
                }
                ctx.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof ByteBuf bytes && bytes.isReadable() && !reading) {
                    reading = true;
                    if (owed == 0) {
                        arm(ctx);
                    } else {
                        disarm();
                    }
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                disarm();
                ctx.fireChannelInactive();
            }

            @Override
            public void handlerRemoved(ChannelHandlerContext ctx) {
                disarm();
            }
        };
    }

    ChannelHandler messages() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                // A request whose first bytes came in one read with the end of the one before it.
                if (msg instanceof HttpRequest && !reading) {
                    reading = true;
                    if (owed == 0) {
                        arm(ctx);
                    }
                }
                if (msg instanceof LastHttpContent) {
                    reading = false;
                    owed++;
                    disarm();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                    interim = true;
                }
                if (msg instanceof LastHttpContent) {
                    if (interim) {
                        interim = false;
                    } else if (owed > 0 && --owed == 0 && reading) {
                        arm(ctx);
                    }
                }
                ctx.write(msg, promise);
            }
        };
    }

    /** Starts the deadline afresh. */
    private void arm(ChannelHandlerContext ctx) {
        disarm();
        deadline = ctx.executor().schedule(() -> cutOff(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    /** How many requests read wait for their final response (the one being read included, once read). */
    int owed() {
        return owed;
    }

    private void cutOff(ChannelHandlerContext ctx) {
        deadline = null;
        onCutOff.run();
        // DEBUG: whoever opens connections would otherwise decide how much this server logs.
        LOG.debug("closed a connection that sent no complete request within {} ms", TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
        ctx.channel().close();
    }
}

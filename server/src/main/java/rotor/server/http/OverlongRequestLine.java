package rotor.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;

/**
 * A request line too long for the codec (over 4 KiB) is answered 414 URI Too Long (RFC 9110
 * section 15.5.15), and the connection closed. Its path was never read, so no dialect can be
 * told from it; Micronaut answered a stand-in request with 413 Request Entity Too Large, which
 * speaks of a body the client never sent.
 */
final class OverlongRequestLine extends ChannelInboundHandlerAdapter {

    private static final byte[] BODY = "{\"message\":\"URI Too Long\"}".getBytes(StandardCharsets.US_ASCII);

    private final RequestReadDeadline deadline;

    OverlongRequestLine(RequestReadDeadline deadline) {
        this.deadline = deadline;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // Only when no earlier pipelined request still waits for its answer, which would otherwise
        // come after this one; then Micronaut answers it, in turn, as it did before.
        if (msg instanceof HttpRequest request && request.decoderResult().cause() instanceof TooLongHttpLineException
                && deadline.owed() == 1) {
            ReferenceCountUtil.release(msg);
            FullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_URI_TOO_LONG,
                    Unpooled.wrappedBuffer(BODY));
            answer.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}

package rotor.server.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;

/**
 * rotor has one representation of each answer (each contract documents JSON, the key set
 * included), so it disregards a request's Accept header, as RFC 9110 section 12.5.1 allows: "the
 * origin server can either honor the header field by sending a 406 (Not Acceptable) response or
 * disregard the header field". No contract documents a 406, and Micronaut matched Accept
 * exactly: application/*, or the key set's own application/jwk-set+json, was a 406.
 */
@ChannelHandler.Sharable
final class AcceptIsDisregarded extends ChannelInboundHandlerAdapter {

    static final AcceptIsDisregarded INSTANCE = new AcceptIsDisregarded();

    private AcceptIsDisregarded() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            request.headers().remove(HttpHeaderNames.ACCEPT);
        }
        ctx.fireChannelRead(msg);
    }
}

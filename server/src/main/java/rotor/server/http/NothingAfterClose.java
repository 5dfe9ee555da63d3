package rotor.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Once a request has said the connection closes after it (Connection: close, or HTTP/1.0
 * without keep-alive), whatever the client pipelined behind it is dropped unread: RFC 9112
 * section 9.6, "a server that receives a 'close' connection option MUST initiate closure of the
 * connection after it sends the final response to the request that contained the 'close'
 * connection option" and "MUST NOT process any further requests received on that connection".
 * Micronaut ran them and then closed the connection before answering, so a refresh spent its
 * token and its successor never reached the client. A chunked request is a last request too:
 * what a proxy that trusts Content-Length sent as its body must not run as a request of its own.
 */
final class NothingAfterClose extends ChannelInboundHandlerAdapter {

    /** The request being read said close: its own body still passes. */
    private boolean lastRequest;
    /** That request has been read whole: nothing more passes. */
    private boolean closing;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing && msg instanceof HttpObject) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            if (HttpUtil.isTransferEncodingChunked(request)) {
                // RFC 9112 section 6.3: with both Transfer-Encoding and Content-Length, the server "MUST
                // close the connection after responding". Netty has dropped the Content-Length by now,
                // so any chunked request is the last: closing after it costs a reconnect, which a token
                // endpoint's clients (who send Content-Length) do not pay.
                HttpUtil.setKeepAlive(request, false);
            }
            lastRequest = !HttpUtil.isKeepAlive(request);
        }
        if (msg instanceof LastHttpContent && lastRequest) {
            closing = true;
        }
        ctx.fireChannelRead(msg);
    }
}

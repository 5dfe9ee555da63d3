package rotor.server.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

import java.util.List;
import java.util.Locale;

/**
 * RFC 9112 section 6.3: "If a Transfer-Encoding header field is present in a request and the
 * chunked transfer coding is not the final encoding, the message body length cannot be determined
 * reliably; the server MUST respond with the 400 (Bad Request) status code and then close the
 * connection." Netty read such a body by its Content-Length, as if Transfer-Encoding were absent,
 * and the request ran: a proxy in front that reads the body another way is how requests are
 * smuggled. The request is marked undecodable (the dialect's 400) and its connection closes.
 */
@ChannelHandler.Sharable
final class TransferCodingsEndInChunked extends ChannelInboundHandlerAdapter {

    static final TransferCodingsEndInChunked INSTANCE = new TransferCodingsEndInChunked();

    private TransferCodingsEndInChunked() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess() && !endsInChunked(request)) {
            HttpUtil.setKeepAlive(request, false);
            request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("chunked is not the final transfer coding")));
        }
        ctx.fireChannelRead(msg);
    }

    /** True without Transfer-Encoding; with it, whether its last coding, over every field line, is chunked. */
    private static boolean endsInChunked(HttpRequest request) {
        List<String> fields = request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (fields.isEmpty()) {
            return true;
        }
        String last = fields.get(fields.size() - 1);
        String coding = last.substring(last.lastIndexOf(',') + 1).strip();
        return coding.toLowerCase(Locale.ROOT).equals("chunked");
    }
}

package rotor.server.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.util.List;
import java.util.Locale;

/**
 * Three rules of RFC 9112 that Netty does not hold requests to, each of which it served (and each
 * refresh spent its token). Such a request is marked undecodable, which is the dialect's 400, and
 * its connection closes: a proxy in front may have read it differently, which is how requests
 * are smuggled.
 * <ul>
 * <li>Section 6.3: "If a Transfer-Encoding header field is present in a request and the chunked
 * transfer coding is not the final encoding, the message body length cannot be determined
 * reliably; the server MUST respond with the 400 (Bad Request) status code and then close the
 * connection." Netty read such a body by its Content-Length.</li>
 * <li>Section 3.2: "A server MUST respond with a 400 (Bad Request) status code to any HTTP/1.1
 * request message that lacks a Host header field and to any request message that contains more
 * than one Host header field line or a Host header field with an invalid field value." A Host is
 * valid as RFC 3986's host [ ":" port ]: so no space, "@", "/" or "\".</li>
 * <li>Section 2.3: a request of HTTP/1.2 or later is read as HTTP/1.1, "the highest minor version
 * within that major version to which the recipient is conformant"; one of another major version
 * (HTTP/9.9, HTTP/2.0 as text) has no framing rotor knows. Netty read it as HTTP/1.1 and answered
 * "HTTP/9.9 200".</li>
 * </ul>
 */
@ChannelHandler.Sharable
final class AmbiguousFramingIsRefused extends ChannelInboundHandlerAdapter {

    static final AmbiguousFramingIsRefused INSTANCE = new AmbiguousFramingIsRefused();

    private AmbiguousFramingIsRefused() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            boolean versionOne = request.protocolVersion().majorVersion() == 1;
            if (versionOne && request.protocolVersion().minorVersion() > 1) {
                request.setProtocolVersion(HttpVersion.HTTP_1_1);
            }
            if (!(versionOne && endsInChunked(request) && oneValidHost(request))) {
                request.setProtocolVersion(HttpVersion.HTTP_1_1); // the answer's status line, not HTTP/9.9's
                HttpUtil.setKeepAlive(request, false);
                request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("ambiguous framing")));
            }
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
        return last.substring(last.lastIndexOf(',') + 1).strip().toLowerCase(Locale.ROOT).equals("chunked");
    }

    private static boolean oneValidHost(HttpRequest request) {
        List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
        if (hosts.isEmpty()) {
            return !request.protocolVersion().equals(HttpVersion.HTTP_1_1); // HTTP/1.0 may leave it out
        }
        return hosts.size() == 1 && validHost(hosts.get(0));
    }

    static boolean validHost(String host) {
        if (host.isEmpty()) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~%!$&'()*+,;=:[]".indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}

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

/**
 * RFC 9112 section 3.2: "A server MUST respond with a 400 (Bad Request) status code to any
 * HTTP/1.1 request message that lacks a Host header field and to any request message that
 * contains more than one Host header field line or a Host header field with an invalid field
 * value." Netty served all three, a refresh among them. The request is marked undecodable (the
 * dialect's 400) and its connection closes. A Host is valid as RFC 3986's host [ ":" port ]: a
 * registered name or an IPv4 or bracketed IPv6 literal, so no space, "@", "/" or "\".
 */
@ChannelHandler.Sharable
final class OneValidHost extends ChannelInboundHandlerAdapter {

    static final OneValidHost INSTANCE = new OneValidHost();

    private OneValidHost() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess() && !hostAsRequired(request)) {
            HttpUtil.setKeepAlive(request, false);
            request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("no single valid Host")));
        }
        ctx.fireChannelRead(msg);
    }

    private static boolean hostAsRequired(HttpRequest request) {
        List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
        if (hosts.isEmpty()) {
            return !request.protocolVersion().equals(HttpVersion.HTTP_1_1); // HTTP/1.0 may leave it out
        }
        return hosts.size() == 1 && valid(hosts.get(0));
    }

    static boolean valid(String host) {
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

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

    /**
     * RFC 9110 section 7.2: Host = uri-host [ ":" port ], with RFC 3986 section 3.2.2's uri-host: a
     * bracketed IP literal, or a reg-name (an IPv4 address is one too) of unreserved characters,
     * percent escapes and sub-delims. HTTP has no empty host (RFC 9110 section 4.2.1).
     */
    static boolean validHost(String host) {
        int hostEnd;
        if (host.startsWith("[")) {
            hostEnd = host.indexOf(']') + 1;
            if (hostEnd == 0 || !ipLiteral(host.substring(1, hostEnd - 1))) {
                return false;
            }
        } else {
            hostEnd = host.indexOf(':') < 0 ? host.length() : host.indexOf(':');
            if (hostEnd == 0 || !regName(host.substring(0, hostEnd))) {
                return false;
            }
        }
        return hostEnd == host.length() || host.charAt(hostEnd) == ':' && digits(host.substring(hostEnd + 1));
    }

    /** An IPv6 address (hex digits and colons, an IPv4 tail) or an IPvFuture, checked for its characters. */
    private static boolean ipLiteral(String literal) {
        if (literal.isEmpty()) {
            return false;
        }
        if (literal.charAt(0) == 'v' || literal.charAt(0) == 'V') {
            return literal.length() > 1 && literal.chars().skip(1).allMatch(c -> ascii(c) && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:".indexOf(c) >= 0));
        }
        return literal.indexOf(':') >= 0 && literal.chars().allMatch(c -> c == ':' || c == '.' || LenientRequestTarget.hex(c));
    }

    private static boolean regName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%') {
                if (!LenientRequestTarget.escapeAt(name, i)) {
                    return false;
                }
                i += 2;
            } else if (!(ascii(c) && Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String port) {
        return port.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean ascii(int c) {
        return c < 128;
    }
}

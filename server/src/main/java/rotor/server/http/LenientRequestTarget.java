package rotor.server.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Reads a request target the way the vendors' own servers do (Starlette, Tomcat's parameters):
 * a "%" that starts no escape, or a byte no URI may hold (a control or non-ASCII byte, a brace, a
 * quote), stands for itself, so the target is percent-encoded where it has to be and the request
 * is then answered by its dialect: /api/v1/oauth/refresh/conn%zz names the connection "conn%zz",
 * and ?a=%zz carries the value "%zz". Micronaut could not build a request from such a target, and
 * answered with its own {"message":"Bad Request"}, in no dialect's shape. (Micronaut's
 * micronaut.server.escape-html-url does much the same, but writes each character as UTF-8
 * where this keeps the byte the client sent.)
 *
 * <p>In the path, "+", "&" and ";" are escaped too: Micronaut's router takes them for no part of a
 * path variable, so /api/v1/oauth/refresh/conn+x matched no route and was a 404 before its API key
 * was asked for, where Starlette reads the connection "conn+x". Escaped, each is the character it
 * was once the variable is decoded.
 */
@ChannelHandler.Sharable
final class LenientRequestTarget extends ChannelInboundHandlerAdapter {

    static final LenientRequestTarget INSTANCE = new LenientRequestTarget();

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LenientRequestTarget() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            String target = request.uri();
            if (needsEncoding(target)) {
                request.setUri(encoded(target));
            }
        }
        ctx.fireChannelRead(msg);
    }

    static boolean needsEncoding(String target) {
        int query = queryStart(target);
        for (int i = 0; i < target.length(); i++) {
            if (!keeps(target, i, query)) {
                return true;
            }
        }
        return false;
    }

    static String encoded(String target) {
        StringBuilder out = new StringBuilder(target.length() + 16);
        int query = queryStart(target);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (keeps(target, i, query)) {
                out.append(c);
            } else {
                // Netty hands the target over as ISO-8859-1: each char is one byte of the wire.
                int b = c & 0xFF;
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    /** Where the query begins ("?"), or the target's length when it has none. */
    private static int queryStart(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target.length() : query;
    }

    /**
     * Whether the character at i stays as it is: a "%" that starts an escape, or a character a target
     * may hold, other than one the router reads as no part of a path variable.
     */
    private static boolean keeps(String target, int i, int query) {
        char c = target.charAt(i);
        if (i < query && (c == '+' || c == '&' || c == ';')) {
            return false;
        }
        return c == '%' ? escapeAt(target, i) : allowed(c);
    }

    /** Whether a "%" and two hex digits start at i. */
    static boolean escapeAt(String target, int i) {
        return i + 2 < target.length() && hex(target.charAt(i + 1)) && hex(target.charAt(i + 2));
    }

    /** An ASCII hex digit: Character.digit would take other scripts' digits too. */
    static boolean hex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** RFC 3986's unreserved characters, sub-delimiters and the delimiters a path and query use: what a target holds as it is. */
    private static boolean allowed(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        // Not "#": a fragment never travels in a request, so a "#" there stands for itself too.
        return "-._~:/?@!$&'()*+,;=".indexOf(c) >= 0;
    }
}

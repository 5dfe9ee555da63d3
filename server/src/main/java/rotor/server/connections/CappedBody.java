package rotor.server.connections;

import java.io.IOException;
import java.io.InputStream;

/** A response body read into memory up to a cap; a longer body fails the call rather than fill the heap. */
final class CappedBody {

    /** The body was longer than the cap. */
    static final class TooLarge extends IOException {
        TooLarge(int cap) {
            super("the response body exceeds " + cap + " bytes");
        }
    }

    private CappedBody() {
    }

    /** At most cap bytes; one more and it throws, without reading the rest. */
    static byte[] read(InputStream content, int cap) throws IOException {
        byte[] body = content.readNBytes(cap + 1);
        if (body.length > cap) {
            throw new TooLarge(cap);
        }
        return body;
    }
}

package rotor.server.support

import java.nio.charset.StandardCharsets

/** HTTP/1.1 written and read byte for byte on a socket: what specs of the connection itself send, which no HTTP library would. */
final class RawHttp {

    private RawHttp() {
    }

    static void write(Socket socket, String text) {
        socket.outputStream.write(text.getBytes(StandardCharsets.US_ASCII))
        socket.outputStream.flush()
    }

    /** Everything the server sends in answer to the requests, until it closes the connection (10 s at most). */
    static String exchange(int port, String requests) {
        new Socket('localhost', port).withCloseable { socket ->
            socket.soTimeout = 10_000
            write(socket, requests)
            new String(socket.inputStream.readAllBytes(), StandardCharsets.US_ASCII)
        }
    }

    /** The next line, without its line feed; empty at the end of the stream. */
    static String line(InputStream input) {
        def line = new StringBuilder()
        int c
        while ((c = input.read()) != -1 && c != '\n') {
            line.append((char) c)
        }
        line.toString()
    }
}

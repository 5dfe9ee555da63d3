package rotor.server;

import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.net.BindException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operator reads when the server does not start: one sentence from the innermost cause
 * (where the setting or the file is named), not the bean paths and nested messages Micronaut
 * wraps it in. "rotor.master-key must be base64 (32 bytes)", "BindException: Address already in use".
 */
final class StartFailure {

    private static final String MESSAGE_LINE = "Message: ";
    private static final Pattern ADDRESS = Pattern.compile(" on (\\S+:\\d+)");

    private StartFailure() {
    }

    static String describe(Throwable failure) {
        Throwable innermost = failure;
        String address = null;
        for (int depth = 0; innermost.getCause() != null && depth < 32; depth++) {
            address = addressIn(innermost.getMessage(), address);
            innermost = innermost.getCause();
        }
        String message = lastMessageLine(innermost.getMessage());
        if (message == null || message.isBlank()) {
            return innermost.getClass().getSimpleName();
        }
        if (innermost instanceof BindException && address != null) {
            // "Address already in use" names no address: Micronaut's wrapper does ("... on *:8080").
            return innermost.getClass().getSimpleName() + ": " + message + " (" + address + ")";
        }
        // An I/O failure's message is often just a path or a phrase: its name says what happened to it.
        return innermost instanceof IOException ? innermost.getClass().getSimpleName() + ": " + message : message;
    }

    /** The host:port a wrapper's message names, the innermost one that names one winning. */
    private static @Nullable String addressIn(@Nullable String message, @Nullable String found) {
        if (message == null) {
            return found;
        }
        Matcher named = ADDRESS.matcher(message);
        return named.find() ? named.group(1) : found;
    }

    /** Micronaut's bean failures list "Message: ..." lines from the outermost bean inwards; the last is the cause's. */
    private static @Nullable String lastMessageLine(@Nullable String message) {
        if (message == null) {
            return null;
        }
        int last = message.lastIndexOf("\n" + MESSAGE_LINE);
        String line = last < 0 ? message : message.substring(last + 1 + MESSAGE_LINE.length());
        int end = line.indexOf('\n');
        return (end < 0 ? line : line.substring(0, end)).strip();
    }
}

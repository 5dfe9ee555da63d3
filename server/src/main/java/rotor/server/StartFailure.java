package rotor.server;

import io.micronaut.core.annotation.Nullable;

import java.io.IOException;

/**
 * What an operator reads when the server does not start: one sentence from the innermost cause
 * (where the setting or the file is named), not the bean paths and nested messages Micronaut
 * wraps it in. "rotor.master-key must be base64 (32 bytes)", "BindException: Address already in use".
 */
final class StartFailure {

    private static final String MESSAGE_LINE = "Message: ";

    private StartFailure() {
    }

    static String describe(Throwable failure) {
        Throwable innermost = failure;
        for (int depth = 0; innermost.getCause() != null && depth < 32; depth++) {
            innermost = innermost.getCause();
        }
        String message = lastMessageLine(innermost.getMessage());
        if (message == null || message.isBlank()) {
            return innermost.getClass().getSimpleName();
        }
        // An I/O failure's message is often just a path or a phrase: its name says what happened to it.
        return innermost instanceof IOException ? innermost.getClass().getSimpleName() + ": " + message : message;
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

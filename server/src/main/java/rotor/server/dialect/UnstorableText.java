package rotor.server.dialect;

import rotor.server.store.StorableText;

/**
 * A request-body string no store can keep ({@link StorableText}), thrown by the strict readers;
 * {@link UnacceptableValue} answers it as a violation on its field.
 */
final class UnstorableText extends IllegalArgumentException {

    UnstorableText() {
        super("a NUL character or an unpaired surrogate");
    }

    /** The text, when every store can keep it. */
    static String check(String text) {
        if (!StorableText.storable(text)) {
            throw new UnstorableText();
        }
        return text;
    }
}

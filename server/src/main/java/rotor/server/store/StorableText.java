package rotor.server.store;

/**
 * Text every store rotor runs on can keep as it is. PostgreSQL's text holds no NUL character
 * (a query or an insert with one fails), and its UTF-8 has no unpaired surrogate (the driver
 * sends "?" for one, which could then match another row). H2 keeps both; rotor holds every store
 * to the narrower rule, so that a request is answered the same on each: such a text is refused
 * where it would be written, and found nowhere when looked up.
 */
public final class StorableText {

    private StorableText() {
    }

    public static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one character outside the Basic Multilingual Plane
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}

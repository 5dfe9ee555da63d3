package rotor.server.engine;

/** The store kept failing transiently (lock or serialization conflicts) after its retries. */
public class StoreContention extends RuntimeException {

    public StoreContention(String message, Throwable cause) {
        super(message, cause);
    }
}

package rotor.server.engine;

/**
 * The store could not do the work now: it kept failing transiently (lock or serialization
 * conflicts) after its retries, or it committed but could not make the commit durable.
 */
public class StoreContention extends RuntimeException {

    public StoreContention(String message, Throwable cause) {
        super(message, cause);
    }
}

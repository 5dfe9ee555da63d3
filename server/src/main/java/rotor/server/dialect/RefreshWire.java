package rotor.server.dialect;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import rotor.server.engine.IssuedTokens;
import rotor.server.engine.RefreshOutcome;

/**
 * The wire of a dialect that refreshes through the token engine: the new pair in the dialect's
 * success body, never cached (RFC 6749 section 5.1); the store's give-up as the dialect's 500,
 * logged once; every other outcome as the dialect's refusal.
 */
public abstract class RefreshWire extends DialectWire {

    /** The INTERNAL outcome has no exception: the store gave up after its retries. */
    protected static final String STORE_GAVE_UP = "the store kept failing";

    protected RefreshWire(String name, String pathPrefix) {
        super(name, pathPrefix);
    }

    public final <T> MutableHttpResponse<T> answer(RefreshOutcome outcome) {
        return typed(switch (outcome.status()) {
            case OK -> TokenResponses.noStore(HttpResponse.ok(success(outcome.tokens())));
            case INTERNAL -> internal(InternalErrors.log(name(), STORE_GAVE_UP), null);
            default -> refusal(outcome.status());
        });
    }

    /** The dialect's success body around the new pair. */
    protected abstract Object success(IssuedTokens tokens);

    /**
     * The dialect's answer to an outcome other than OK and INTERNAL. Written as an exhaustive
     * switch, so that a new outcome does not compile until every dialect words it.
     */
    protected abstract MutableHttpResponse<?> refusal(RefreshOutcome.Status status);

    /** For the two arms of a dialect's exhaustive switch that {@link #answer} never hands it. */
    protected static IllegalArgumentException notARefusal(RefreshOutcome.Status status) {
        return new IllegalArgumentException(status + " is answered by RefreshWire, not as a refusal");
    }
}

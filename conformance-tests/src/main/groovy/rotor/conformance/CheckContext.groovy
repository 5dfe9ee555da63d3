package rotor.conformance

import com.nimbusds.jose.JOSEObjectType
import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.jwk.JWKSet
import com.nimbusds.jose.jwk.source.ImmutableJWKSet
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier
import com.nimbusds.jose.proc.JWSVerificationKeySelector
import com.nimbusds.jose.proc.SecurityContext
import com.nimbusds.jwt.proc.DefaultJWTProcessor

/** What a check works with: the wire to the target, the credentials, and the run's seeded randomness. */
class CheckContext {

    final Wire wire
    final Credentials credentials
    final Random random
    /** Whether the target claims the oauth2 contract, and so publishes the key set access tokens verify against. */
    final boolean keySetPublished
    /** What the running check could not verify, for its result: a check passes on what it did verify, and says what it did not. */
    final List<String> notes = []

    CheckContext(Wire wire, Credentials credentials, Random random, boolean keySetPublished) {
        this.wire = wire
        this.credentials = credentials
        this.random = random
        this.keySetPublished = keySetPublished
    }

    /** Every request meant to be valid, and its response, conform to the contract. */
    static boolean conforms(Exchange exchange) {
        if (exchange.requestProblems) {
            throw new ConformanceFailure(exchange, 'the request the check sent', exchange.requestProblems)
        }
        answersConform(exchange)
    }

    /** For requests that break the contract on purpose: the answer must still be a documented one. */
    static boolean answersConform(Exchange exchange) {
        if (exchange.responseProblems) {
            throw new ConformanceFailure(exchange, 'the answer', exchange.responseProblems)
        }
        true
    }

    /**
     * Hands a refresh's successor on to the next check that needs the contract's token, before
     * anything is asserted of the answer: a check that fails for another reason does not end a
     * brought token's chain.
     */
    void handOn(String contract, Exchange x, Closure<Object> successor) {
        def token = x.status == 200 && x.json instanceof Map ? successor(x.json) : null
        if (token instanceof String && token) {
            credentials.rotated(contract, token)
        }
    }

    /**
     * Reuse, whatever grace period the target is configured with: refreshes a token twice, then
     * presents the first one again, and then the newest. CONTRACTS.md grants a grace period only to
     * the immediately superseded token; one two generations old is reuse, which revokes the whole
     * grant, so the newest token must be refused too (RFC 9700 section 4.14.2). Answers
     * `[replay: ..., newest: ...]`, the two exchanges to judge.
     */
    Map<String, Exchange> replayTwoGenerationsBack(String token, Closure<Exchange> refresh, Closure<Object> successorOf) {
        def first = refresh(token)
        assert first.status == 200: "${first.answer}: the grant's first refresh, before any replay, was refused"
        def second = refresh(successorOf(first.json) as String)
        assert second.status == 200: "${second.answer}: the refresh of the first successor, before any replay, was refused"
        def replay = refresh(token)
        def newest = refresh(successorOf(second.json) as String)
        [replay: replay, newest: newest]
    }

    /** The admin token as the admin contract wants it. */
    Map<String, String> admin() {
        [Authorization: "Bearer ${credentials.adminToken()}".toString()]
    }

    AdminCredentials getProvisioning() {
        credentials as AdminCredentials
    }

    /** A UUID from the run's seed. */
    UUID uuid() {
        new UUID(random.nextLong(), random.nextLong())
    }

    /** A value from the run's seed, of the given characters' alphabet. */
    String word(int length, String alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') {
        (1..length).collect { alphabet[random.nextInt(alphabet.length())] }.join()
    }

    /** A well-formed refresh token the target cannot know. */
    String unknownRefreshToken() {
        'rtr_' + word(43)
    }

    /**
     * An access token verifies against the target's key set (/.well-known/jwks.json), typed at+jwt
     * (RFC 9068). A target that does not claim the oauth2 contract publishes no key set to check with.
     */
    boolean verifiesAgainstKeySet(String accessToken) {
        if (!keySetPublished) {
            notes << 'the access token was not verified: its key set (/.well-known/jwks.json) is part of the oauth2 contract, which this run does not check (add --contract oauth2)'
            return true
        }
        def jwks = wire.get('/.well-known/jwks.json')
        conforms(jwks)
        def processor = new DefaultJWTProcessor<SecurityContext>()
        processor.JWSKeySelector = new JWSVerificationKeySelector<SecurityContext>([JWSAlgorithm.ES256, JWSAlgorithm.RS256] as Set,
                new ImmutableJWKSet<SecurityContext>(JWKSet.parse(jwks.responseBody)))
        processor.JWSTypeVerifier = new DefaultJOSEObjectTypeVerifier<SecurityContext>(new JOSEObjectType('at+jwt'))
        processor.process(accessToken, null) != null
    }
}

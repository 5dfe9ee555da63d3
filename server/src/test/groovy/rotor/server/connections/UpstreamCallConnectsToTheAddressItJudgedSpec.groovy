package rotor.server.connections

import io.micrometer.core.instrument.simple.SimpleMeterRegistry
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.server.store.ConnectionRecord
import rotor.testing.UpstreamStub
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/**
 * DNS rebinding: a host whose DNS answers a public address to the policy's check and an internal
 * one a moment later must not get the secrets sent to the internal one. So a call looks the host
 * up once, through the policy, and connects to what the policy judged; the HTTP client never
 * resolves the name itself.
 */
@MicronautTest(startApplication = false)
class UpstreamCallConnectsToTheAddressItJudgedSpec extends Specification {

    static final String HOST = 'upstream.rebinding.test' // no DNS server knows it: only the policy's resolver does

    @Inject UpstreamAnswers answers

    UpstreamStub upstream = new UpstreamStub()

    def cleanup() {
        upstream.close()
    }

    def "the first lookup's answer is where the secrets go, whatever a later lookup would say"() {
        given: "a resolver that answers loopback (where the stub upstream listens) once, and the metadata address after that"
        def lookups = 0
        def resolver = { String host ->
            lookups++
            [InetAddress.getByName(lookups == 1 ? '127.0.0.1' : '169.254.169.254')] as InetAddress[]
        } as TokenUrlPolicy.Resolver
        def endpoint = new UpstreamTokenEndpoint(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
                new TokenUrlPolicy(true, resolver), answers, new SimpleMeterRegistry())
        upstream.issues('up-at-2', 'up-rt-2')
        def tokenUrl = upstream.tokenUrl.replace('127.0.0.1', HOST)

        when:
        def answer = endpoint.refresh(connection(tokenUrl), new ConnectionSecrets('s3cret', 'up-rt-1', null))

        then:
        answer instanceof UpstreamTokenEndpoint.Tokens
        (answer as UpstreamTokenEndpoint.Tokens).refreshToken() == 'up-rt-2'
        upstream.received*.form*.refresh_token == ['up-rt-1']
        lookups == 1

        cleanup:
        endpoint?.close()
    }

    def "a host the policy refuses gets no connection, and is looked up once"() {
        given:
        def lookups = 0
        def resolver = { String host -> lookups++; [InetAddress.getByName('169.254.169.254')] as InetAddress[] } as TokenUrlPolicy.Resolver
        def endpoint = new UpstreamTokenEndpoint(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
                new TokenUrlPolicy(true, resolver), answers, new SimpleMeterRegistry())

        when:
        def answer = endpoint.refresh(connection("http://${HOST}:${upstream.tokenUrl.tokenize(':/')[2]}/token"),
                new ConnectionSecrets('s3cret', 'up-rt-1', null))

        then:
        answer instanceof UpstreamTokenEndpoint.Failed
        (answer as UpstreamTokenEndpoint.Failed).reason() == 'token URL refused: must not point at a link-local or cloud metadata address'
        upstream.received.empty
        lookups == 1

        cleanup:
        endpoint?.close()
    }

    private static ConnectionRecord connection(String tokenUrl) {
        def now = Instant.now()
        new ConnectionRecord('conn_rebinding', 'ws_rebinding', tokenUrl, 'acme', 'client_secret_basic', 'sealed', 'sealed', null, null,
                'active', now, now, null)
    }
}

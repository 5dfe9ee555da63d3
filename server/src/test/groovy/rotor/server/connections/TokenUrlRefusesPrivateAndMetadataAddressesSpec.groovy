package rotor.server.connections

import io.micronaut.context.annotation.Property
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.mielto.model.HTTPError
import rotor.server.support.ConnectionSpecification

import java.nio.channels.ServerSocketChannel
import java.time.Instant

/**
 * A token_url is where rotor POSTs a connection's secrets: by default only https to a public
 * address. Refused at registration when the URL itself shows it, and at call time when the host
 * resolves to such an address (then nothing is sent, not even a TCP connection opened).
 */
@MicronautTest(transactional = false)
@Property(name = 'rotor.connections.allow-private-networks', value = 'false')
class TokenUrlRefusesPrivateAndMetadataAddressesSpec extends ConnectionSpecification {

    @Inject Connections connections

    def "registering #tokenUrl answers 422 validation_failed on token_url"() {
        expect:
        refusedRegistering(tokenUrl)*.field == ['token_url']

        where:
        tokenUrl << [
                'https://169.254.169.254/latest/meta-data/iam/security-credentials/',
                'https://[fe80::1]/token',
                'https://[fe80::1%25lo]/token',
                'https://[fe80::1%25eth0]:8443/token',
                'https://[fd00::1%25eth0]/token',
                'https://[::1%251]/token',
                'https://[fd00:ec2::254]/token',
                'https://100.100.100.200/token',
                'https://metadata.google.internal/computeMetadata/v1/',
                'https://10.0.0.1/token',
                'https://172.16.5.4/token',
                'https://192.168.1.1/token',
                'https://100.64.0.1/token',
                'https://127.0.0.1/token',
                'https://[::1]/token',
                'https://0.0.0.0/token',
                'https://[fc00::1]/token',
                'https://224.0.0.1/token',
                'http://auth.example.com/token',
        ]
    }

    def "an https URL whose host is a name is registered"() {
        expect:
        connection(workspace, 'https://auth.example.com/oauth2/token', 'acme', 's3cret', 'up-rt-1').startsWith('conn_')
    }

    def "a host name that resolves to loopback passes registration but is refused at call time: 502, no connection opened"() {
        given:
        def listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getByName('127.0.0.1'), 0))
        listener.configureBlocking(false)
        def id = connection(workspace, "https://localhost:${listener.socket().localPort}/token", 'acme', 's3cret', 'up-rt-1')

        when:
        refresh(id)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 502
        errorBody(e, HTTPError).detail == 'Upstream token endpoint failed'

        and: "no TCP connection is waiting to be accepted"
        listener.accept() == null

        cleanup:
        listener?.close()
    }

    def "a plain http loopback connection stored earlier (when private networks were allowed) is refused at call time: 502, nothing sent"() {
        given:
        upstream.issues('up-at-2', 'up-rt-2')
        def id = connections.create(new Connections.NewConnection(workspace, URI.create(upstream.tokenUrl), 'acme', 's3cret', 'up-rt-1',
                null, null, Connections.ClientAuthMethod.CLIENT_SECRET_BASIC), Instant.now()).id()

        when:
        refresh(id)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 502
        upstream.received.empty
    }
}

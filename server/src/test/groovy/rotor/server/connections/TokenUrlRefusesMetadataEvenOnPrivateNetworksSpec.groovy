package rotor.server.connections

import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.ConnectionSpecification

/** allow-private-networks opens loopback, private ranges and http, never link-local or cloud metadata. */
@MicronautTest(transactional = false)
@Property(name = 'rotor.connections.allow-private-networks', value = 'true')
class TokenUrlRefusesMetadataEvenOnPrivateNetworksSpec extends ConnectionSpecification {

    def "registering #tokenUrl answers 422 on token_url"() {
        expect:
        refusedRegistering(tokenUrl)*.field == ['token_url']

        where:
        tokenUrl << ['http://169.254.169.254/latest/meta-data/', 'http://[fe80::a9fe:a9fe]/token', 'http://[fd00:ec2::254]/token',
                     'http://100.100.100.200/token', 'http://metadata.google.internal/computeMetadata/v1/', 'http://METADATA.google.internal./x']
    }

    def "registering #tokenUrl is allowed"() {
        expect:
        connection("ws_${UUID.randomUUID()}", tokenUrl, 'acme', 's3cret', 'up-rt-1').startsWith('conn_')

        where:
        tokenUrl << ['http://127.0.0.1:9/token', 'http://10.0.0.1/token', 'https://[::1]/token', 'http://localhost/token']
    }
}

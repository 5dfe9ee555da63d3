package rotor.server.connections

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.client.micronaut.admin.model.ClientAuthMethod
import rotor.server.support.ConnectionSpecification

/**
 * admin.yaml bounds a connection's secrets in characters (client_secret 4096, refresh_token and
 * access_token 8192); rotor seals their UTF-8 bytes, up to 3 per character. A secret within its
 * bound, of any characters, is stored and presented upstream as it was given; it was a 500.
 */
@MicronautTest(transactional = false)
class ConnectionSecretsOfAnyCharactersAreKeptSpec extends ConnectionSpecification {

    def "a #what of #length '#character' is stored and sent upstream as given"() {
        given:
        def value = character * length
        def secret = what == 'client secret' ? value : 's3cret'
        def refreshToken = what == 'refresh token' ? value : 'up-rt-1'
        def id = connection(workspace, upstream.tokenUrl, 'acme', secret, refreshToken, ClientAuthMethod.POST)
        upstream.issues('up-at-2', 'up-rt-2')

        when:
        def answer = refresh(id)

        then:
        answer.status.code == 200
        upstream.received*.form*.client_secret == [secret]
        upstream.received*.form*.refresh_token == [refreshToken]

        where:
        what            | character | length
        'client secret' | '€'       | 4096
        'refresh token' | '€'       | 8192
        'refresh token' | '😀'      | 4096
    }
}

package rotor.conformance

import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.model.CreateClientRequest
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.oauth2.DiscoveryApi
import rotor.client.micronaut.oauth2.Oauth2Api

/** The standard contract (openapi/oauth2.yaml) through its generated client. */
class OAuth2ConformanceSpec extends ConformanceSpecification {

    Oauth2Api oauth2 = client(Oauth2Api)
    DiscoveryApi discovery = client(DiscoveryApi)

    def registered = asAdmin { client(ClientsApi).createClient(new CreateClientRequest().clientName('conformance').scope('read write')).body() }
    def basic = Credential.header('Authorization', 'Basic ' + "${registered.clientId}:${registered.clientSecret}".bytes.encodeBase64().toString())

    def "token 200 (Basic and form client authentication), rotation, introspect 200 active, revoke 200, then inactive"() {
        given:
        def grant = Grants.issue(Dialect.OAUTH2, null, 'read write', registered.clientId)

        when:
        def first = call(basic) { oauth2.token('refresh_token', grant.refreshToken, 'read', null, null) }
        def second = call { oauth2.token('refresh_token', first.json.refresh_token as String, null, registered.clientId, registered.clientSecret) }
        def active = call(basic) { oauth2.introspect(second.json.access_token as String, 'access_token', null, null) }
        def revoked = call(basic) { oauth2.revoke(second.json.refresh_token as String, 'refresh_token', null, null) }
        def inactive = call(basic) { oauth2.introspect(second.json.access_token as String, null, null, null) }
        def replay = call(basic) { oauth2.token('refresh_token', grant.refreshToken, null, null, null) }

        then:
        [first, second, active, revoked, inactive, replay].every { conforms(it) }
        first.status == 200
        first.json.scope == 'read'
        first.header('Cache-Control') == 'no-store'
        second.status == 200
        DayzeroConformanceSpec.verifiesAgainstKeySet(second.json.access_token as String)
        active.json.active == true
        active.json.client_id == registered.clientId
        revoked.status == 200
        inactive.json == [active: false]
        replay.status == 400
        replay.json.error == 'invalid_grant'
    }

    def "token 400 #error: #why"() {
        given:
        def grant = Grants.issue(Dialect.OAUTH2, null, 'read', registered.clientId)

        when:
        def x = call(basic) { oauth2.token(grantType, grant.refreshToken, scope, null, null) }

        then:
        conforms(x)
        x.status == 400
        x.json.error == error

        where:
        why                                 | grantType       | scope   | error
        'a grant type other than refresh'   | 'password'      | null    | 'unsupported_grant_type'
        'a scope wider than the grant\'s'   | 'refresh_token' | 'admin' | 'invalid_scope'
    }

    def "401 invalid_client with the Basic challenge on #operation for a wrong secret"() {
        given:
        def wrong = Credential.header('Authorization', 'Basic ' + "${registered.clientId}:wrong".bytes.encodeBase64().toString())

        when:
        def x = call(wrong) { action.call(oauth2) }

        then:
        conforms(x)
        x.status == 401
        x.json.error == 'invalid_client'
        x.header('WWW-Authenticate') == 'Basic realm="rotor"'

        where:
        operation    | action
        'token'      | { api -> api.token('refresh_token', 'rtr_x', null, null, null) }
        'revoke'     | { api -> api.revoke('rtr_x', null, null, null) }
        'introspect' | { api -> api.introspect('rtr_x', null, null, null) }
    }

    def "revoke 400 unsupported_token_type; introspect 400 without a token (sent by the JDK client)"() {
        when:
        def revoke = call(basic) { oauth2.revoke('rtr_x', 'id_token', null, null) }
        def introspect = call {
            jdkClient(rotor.client.jdk.oauth2.Oauth2Api, [Authorization: basic.headers().Authorization], 'token_type_hint=access_token')
                    .introspect('replaced-by-the-interceptor', null, null, null)
        }

        then:
        conforms(revoke)
        revoke.status == 400
        revoke.json.error == 'unsupported_token_type'
        answersConform(introspect)
        introspect.status == 400
        introspect.json.error == 'invalid_request'
    }

    def "metadata 200 (RFC 8414) and the key set 200 (RFC 7517)"() {
        when:
        def metadata = call { discovery.metadata() }
        def jwks = call { discovery.jwks() }

        then:
        conforms(metadata)
        conforms(jwks)
        metadata.json.grant_types_supported == ['refresh_token']
        (metadata.json.token_endpoint as String).endsWith('/oauth2/token')
        !(jwks.json.keys as List).empty
        (jwks.json.keys as List).every { !it.containsKey('d') }
    }
}

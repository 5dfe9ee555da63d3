package rotor.server.dialect

import com.nimbusds.oauth2.sdk.RefreshTokenGrant
import com.nimbusds.oauth2.sdk.Scope
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse
import com.nimbusds.oauth2.sdk.TokenRequest
import com.nimbusds.oauth2.sdk.TokenResponse
import com.nimbusds.oauth2.sdk.TokenRevocationRequest
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost
import com.nimbusds.oauth2.sdk.auth.Secret
import com.nimbusds.oauth2.sdk.http.HTTPRequest
import com.nimbusds.oauth2.sdk.id.ClientID
import com.nimbusds.oauth2.sdk.token.RefreshToken
import com.nimbusds.oauth2.sdk.token.Token
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.ApiKeysApi
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.ConnectionsApi
import rotor.client.micronaut.admin.GrantsApi
import rotor.server.support.AdminFixtures
import rotor.server.support.EmbeddedServerSpecification

/**
 * A real OAuth 2.0 client library written elsewhere, the Nimbus OAuth 2.0 SDK, unmodified against
 * /oauth2/token, /oauth2/revoke and /oauth2/introspect.
 */
@MicronautTest(transactional = false)
class NimbusOAuthClientSpec extends EmbeddedServerSpecification implements AdminFixtures {

    @Inject ClientsApi clientsApi
    @Inject ApiKeysApi apiKeysApi
    @Inject ConnectionsApi connectionsApi
    @Inject GrantsApi grantsApi

    URI base = URI.create("http://localhost:${port}")

    def "the SDK refreshes with #method, gets a rotated pair, and its replay of the old token is invalid_grant"() {
        given:
        def client = registerClient('read write')
        def grant = oauth2Grant(client, 'read write')
        def auth = authentication(method, client.clientId, client.clientSecret)

        when:
        def first = TokenResponse.parse(new TokenRequest(base.resolve('/oauth2/token'), auth, new RefreshTokenGrant(new RefreshToken(grant.refreshToken)),
                new Scope('read')).toHTTPRequest().send())
        def tokens = first.toSuccessResponse().tokens
        def replay = TokenResponse.parse(new TokenRequest(base.resolve('/oauth2/token'), auth,
                new RefreshTokenGrant(new RefreshToken(grant.refreshToken))).toHTTPRequest().send())

        then:
        first.indicatesSuccess()
        tokens.refreshToken.value != grant.refreshToken
        tokens.accessToken.lifetime == 3600
        tokens.accessToken.scope == new Scope('read')
        !replay.indicatesSuccess()
        replay.toErrorResponse().errorObject.code == 'invalid_grant'
        replay.toErrorResponse().errorObject.HTTPStatusCode == 400

        where:
        method << ['client_secret_basic', 'client_secret_post']
    }

    def "a wrong client secret is invalid_client, 401"() {
        given:
        def client = registerClient()
        def grant = oauth2Grant(client)

        when:
        def response = TokenResponse.parse(new TokenRequest(base.resolve('/oauth2/token'),
                new ClientSecretBasic(new ClientID(client.clientId), new Secret('wrong')),
                new RefreshTokenGrant(new RefreshToken(grant.refreshToken))).toHTTPRequest().send())

        then:
        response.toErrorResponse().errorObject.code == 'invalid_client'
        response.toErrorResponse().errorObject.HTTPStatusCode == 401
    }

    def "introspection says active for live tokens (RFC 7662) and revocation (RFC 7009) ends them, access tokens included"() {
        given:
        def client = registerClient('read')
        def grant = oauth2Grant(client, 'read')
        def auth = new ClientSecretBasic(new ClientID(client.clientId), new Secret(client.clientSecret))
        def tokens = TokenResponse.parse(new TokenRequest(base.resolve('/oauth2/token'), auth,
                new RefreshTokenGrant(new RefreshToken(grant.refreshToken))).toHTTPRequest().send()).toSuccessResponse().tokens

        when:
        def access = introspect(auth, tokens.accessToken)
        def refresh = introspect(auth, tokens.refreshToken)
        def spent = introspect(auth, new RefreshToken(grant.refreshToken))
        def revocation = new TokenRevocationRequest(base.resolve('/oauth2/revoke'), auth, tokens.refreshToken).toHTTPRequest().send()
        def unknown = new TokenRevocationRequest(base.resolve('/oauth2/revoke'), auth, new RefreshToken('rtr_' + 'U' * 43)).toHTTPRequest().send()

        then:
        access.active
        access.subject.value == grant.subject
        access.scope == new Scope('read')
        access.clientID.value == client.clientId
        access.expirationTime.after(new Date())
        refresh.active
        !spent.active

        and:
        revocation.statusCode == 200
        unknown.statusCode == 200
        !introspect(auth, tokens.accessToken).active
        !introspect(auth, tokens.refreshToken).active
        asAdmin { grantsApi.getGrant(grant.grantId, null, null) }.body().revokedReason == 'client_revocation'
    }

    def "the SDK reads the RFC 8414 metadata"() {
        when:
        def request = new HTTPRequest(HTTPRequest.Method.GET, base.resolve('/.well-known/oauth-authorization-server').toURL())
        def metadata = AuthorizationServerMetadata.parse(request.send().body)

        then:
        metadata.tokenEndpointURI == base.resolve('/oauth2/token')
        metadata.revocationEndpointURI == base.resolve('/oauth2/revoke')
        metadata.introspectionEndpointURI == base.resolve('/oauth2/introspect')
        metadata.JWKSetURI == base.resolve('/.well-known/jwks.json')
        metadata.grantTypes*.value == ['refresh_token']
    }

    private TokenIntrospectionSuccessResponse introspect(ClientAuthentication auth, Token token) {
        TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(base.resolve('/oauth2/introspect'), auth, token).toHTTPRequest().send())
                .toSuccessResponse()
    }

    private static ClientAuthentication authentication(String method, String id, String secret) {
        method == 'client_secret_basic' ? new ClientSecretBasic(new ClientID(id), new Secret(secret)) : new ClientSecretPost(new ClientID(id), new Secret(secret))
    }
}

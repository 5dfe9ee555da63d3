package rotor.server.connections

import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.client.micronaut.admin.model.CreateGrantRequest
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.mielto.model.HTTPError
import rotor.server.support.ConnectionSpecification

import java.sql.Timestamp
import java.time.Instant

/**
 * mielto's DualAuthScheme takes an access token only of a live mielto grant for the workspace:
 * another dialect's token names a tenant too, and a workspace may well carry the same name
 * ("default", a business UUID, a partner number), but it was never issued to act for a workspace.
 */
@MicronautTest(transactional = false)
class MieltoAcceptsOnlyMieltoAccessTokensSpec extends ConnectionSpecification {

    def "an access token of a #dialect grant whose tenant names the workspace answers 401 and reaches no upstream"() {
        given:
        def clientId = dialect == Dialect.OAUTH2 ? registerClient().clientId : null
        def grant = asAdmin { grantsApi.createGrant(new CreateGrantRequest(dialect, "user-${UUID.randomUUID()}").tenant(tenant).clientId(clientId)).body() }
        def id = connection(grant.tenant, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1')
        upstream.issues('up-at-2', 'up-rt-2')

        when:
        refresh(id, grant.accessToken)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 401
        errorBody(e, HTTPError).detail == 'Not authenticated'
        upstream.received.empty

        where:
        dialect         | tenant
        Dialect.ONBOARD | null
        Dialect.SESSION | null
        Dialect.OAUTH2  | null
        Dialect.DAYZERO | UUID.randomUUID().toString()
        Dialect.PARTNER | String.valueOf(new Random().nextInt(1_000_000) + 1)
    }

    def "an access token of a mielto grant past its absolute expiry answers 401, while a live one refreshes"() {
        given:
        def id = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1')
        upstream.issues('up-at-2', 'up-rt-2')
        def live = mieltoGrant(workspace)
        def lapsed = mieltoGrant(workspace)
        sql().executeUpdate('UPDATE token_grant SET expires_at = ? WHERE id = ?',
                [Timestamp.from(Instant.now().minusSeconds(1)), lapsed.grantId])

        when:
        def allowed = refresh(id, live.accessToken)
        refresh(id, lapsed.accessToken)

        then:
        allowed.status.code == 200
        def e = thrown(HttpClientResponseException)
        e.status.code == 401
        upstream.received.size() == 1
    }

    private mieltoGrant(String workspace) {
        asAdmin { grantsApi.createGrant(new CreateGrantRequest(Dialect.MIELTO, "svc-${UUID.randomUUID()}").tenant(workspace)).body() }
    }
}

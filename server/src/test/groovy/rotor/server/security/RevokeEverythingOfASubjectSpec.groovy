package rotor.server.security

import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.ApiKeysApi
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.ConnectionsApi
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.SubjectsApi
import rotor.client.micronaut.admin.model.AdminError
import rotor.client.micronaut.admin.model.AdminErrorError
import rotor.client.micronaut.admin.model.CreateGrantRequest
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.admin.model.GrantStatus
import rotor.client.micronaut.admin.model.IssuedGrant
import rotor.client.micronaut.oauth2.Oauth2Api
import rotor.client.micronaut.onboard.AuthOauthApi
import rotor.server.engine.RefreshOutcome
import rotor.server.engine.RefreshRequest
import rotor.server.engine.TokenEngine
import rotor.server.grants.TokenIntrospection
import rotor.server.store.AuditEventRepository
import rotor.server.support.AdminFixtures
import rotor.server.support.EmbeddedServerSpecification

import java.time.Instant

/**
 * Issue 9, item 11: DELETE /admin/v1/subjects/{tenant}/{subject}/grants revokes every live grant
 * of one subject in one tenant, in every dialect, and says how many.
 */
@MicronautTest(transactional = false)
class RevokeEverythingOfASubjectSpec extends EmbeddedServerSpecification implements AdminFixtures {

    @Inject ClientsApi clientsApi
    @Inject ApiKeysApi apiKeysApi
    @Inject ConnectionsApi connectionsApi
    @Inject GrantsApi grantsApi
    @Inject SubjectsApi subjects
    @Inject Oauth2Api oauth2
    @Inject AuthOauthApi onboard
    @Inject TokenEngine engine
    @Inject TokenIntrospection introspection
    @Inject AuditEventRepository audit

    def "every live grant of the subject in the default tenant is revoked, in every dialect, and counted once"() {
        given:
        def subject = "user-${UUID.randomUUID()}"
        def client = registerClient()
        def onboardGrant = grant(Dialect.ONBOARD, subject)
        def sessionGrant = grant(Dialect.SESSION, subject)
        def oauth2Grant = grant(Dialect.OAUTH2, subject, null, client.clientId)
        def alreadyRevoked = grant(Dialect.ONBOARD, subject)
        asAdmin { grantsApi.revokeGrant(alreadyRevoked.grantId) }
        def otherTenant = grant(Dialect.PARTNER, subject, '1042')
        def otherSubject = grant(Dialect.ONBOARD, "user-${UUID.randomUUID()}")

        when:
        def answer = asAdmin { subjects.revokeSubjectGrants('default', subject) }
        def again = asAdmin { subjects.revokeSubjectGrants('default', subject) }

        then:
        answer.status.code == 200
        answer.body().revoked == 3
        again.body().revoked == 0

        and: "their refresh tokens are refused, on the wire too, and their access tokens are inactive"
        [onboardGrant, sessionGrant, oauth2Grant].every { refused(it, it.clientId) && inactive(it) }
        onboardRefreshStatus(onboardGrant.refreshToken) == 403
        !oauth2.introspect(oauth2Grant.accessToken, null, client.clientId, client.clientSecret).body().active

        and: "each revocation is the admin's, in the audit trail"
        [onboardGrant, sessionGrant, oauth2Grant].every { IssuedGrant g ->
            def shown = asAdmin { grantsApi.getGrant(g.grantId, null, null) }.body()
            shown.status == GrantStatus.REVOKED && shown.revokedReason == 'subject_revocation' &&
                    audit.findByGrantIdOrderByOccurredAtAsc(g.grantId)*.eventType == ['GRANT_CREATED', 'REVOKED']
        }
        asAdmin { grantsApi.getGrant(alreadyRevoked.grantId, null, null) }.body().revokedReason == 'admin'

        and: "the same subject in another tenant, and another subject, keep their grants"
        !refused(otherTenant, null) && !inactive(otherTenant)
        !refused(otherSubject, null) && !inactive(otherSubject)
    }

    def "a #dialect tenant (#tenant) is named as grants show it"() {
        given:
        def subject = "user-${UUID.randomUUID()}"
        def first = grant(dialect, subject, tenant)
        def second = grant(dialect, subject, tenant)

        when:
        def answer = asAdmin { subjects.revokeSubjectGrants(first.tenant, subject) }

        then:
        first.tenant == canonical
        answer.body().revoked == 2
        [first, second].every { refused(it, null) && inactive(it) }

        where:
        dialect         | tenant                                   | canonical
        Dialect.DAYZERO | '3F2B8C1E-7A4D-4E5F-9B6A-2C1D0E9F8A7B'   | '3f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b'
        Dialect.PARTNER | '042'                                    | '42'
        Dialect.MIELTO  | 'ws_logout'                              | 'ws_logout'
    }

    def "a subject without grants answers 200 with 0"() {
        when:
        def answer = asAdmin { subjects.revokeSubjectGrants('default', "nobody-${UUID.randomUUID()}") }

        then:
        answer.status.code == 200
        answer.body().revoked == 0
    }

    def "without the admin token: 401, and nothing is revoked"() {
        given:
        def subject = "user-${UUID.randomUUID()}"
        def live = grant(Dialect.ONBOARD, subject)

        when:
        withCredential(Credential.bearer('not-the-admin-token')) { subjects.revokeSubjectGrants('default', subject) }

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 401
        errorBody(e, AdminError).error == AdminErrorError.UNAUTHORIZED
        asAdmin { grantsApi.getGrant(live.grantId, null, null) }.body().status == GrantStatus.ACTIVE
    }

    private IssuedGrant grant(Dialect dialect, String subject, String tenant = null, String clientId = null) {
        asAdmin { grantsApi.createGrant(new CreateGrantRequest(dialect, subject).tenant(tenant).clientId(clientId)).body() }
    }

    /** Whether the engine refuses the grant's refresh token as revoked (a live one would rotate). */
    private boolean refused(IssuedGrant grant, String clientId) {
        def dialect = rotor.server.engine.Dialect.valueOf(grant.dialect.name())
        def outcome = engine.refresh(new RefreshRequest(dialect, grant.tenant, grant.refreshToken, null, clientId), Instant.now())
        outcome.status() == RefreshOutcome.Status.REVOKED
    }

    private boolean inactive(IssuedGrant grant) {
        introspection.active(grant.accessToken, Instant.now()).isEmpty()
    }

    private int onboardRefreshStatus(String refreshToken) {
        try {
            withCredential(Credential.header('x-auth-token', refreshToken)) { onboard.refreshAccessToken() }.status.code
        } catch (HttpClientResponseException e) {
            e.status.code
        }
    }
}

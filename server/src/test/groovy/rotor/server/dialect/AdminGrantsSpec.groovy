package rotor.server.dialect

import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.AdminError
import rotor.client.micronaut.admin.model.AdminErrorError
import rotor.client.micronaut.admin.model.CreateGrantRequest
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.admin.model.GrantStatus
import rotor.client.micronaut.dayzero.OauthApi
import rotor.server.support.EmbeddedServerSpecification

/** The grant operations of the admin contract, through the generated admin client. */
@MicronautTest(transactional = false)
class AdminGrantsSpec extends EmbeddedServerSpecification {

    @Inject
    GrantsApi admin

    @Inject
    OauthApi dayzero

    def "a grant is issued (201, uncached), shown with its chain but no token value, and revoked (204)"() {
        given:
        def business = UUID.randomUUID()

        when:
        def created = withCredential(Credential.bearer(ADMIN_TOKEN)) {
            admin.createGrant(new CreateGrantRequest(Dialect.DAYZERO, 'alice').tenant(business.toString().toUpperCase()).scope('read'))
        }
        def grant = created.body()
        withCredential(Credential.bearer(grant.refreshToken)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(business) }
        def shown = withCredential(Credential.bearer(ADMIN_TOKEN)) { admin.getGrant(grant.grantId, null, null) }
        def revoked = withCredential(Credential.bearer(ADMIN_TOKEN)) { admin.revokeGrant(grant.grantId) }
        def after = withCredential(Credential.bearer(ADMIN_TOKEN)) { admin.getGrant(grant.grantId, null, null) }.body()

        then:
        created.status.code == 201
        created.header('Cache-Control') == 'no-store'
        grant.tenant == business.toString()
        grant.subject == 'alice'
        grant.scope == 'read'
        grant.refreshToken.startsWith('rtr_')
        grant.accessExpiresAt.isBefore(grant.refreshExpiresAt)

        and:
        shown.body().status == GrantStatus.ACTIVE
        shown.body().tokens*.generation == [1, 2]
        shown.body().tokens[0].usedAt != null
        shown.body().tokens[1].usedAt == null
        !shown.body().toString().contains(grant.refreshToken)

        and:
        revoked.status.code == 204
        after.status == GrantStatus.REVOKED
        after.revokedReason == 'admin'
        after.revokedAt != null
    }

    def "a missing or wrong admin token answers 401 with the Bearer challenge"() {
        when:
        withCredential(credential) { admin.getGrant(UUID.randomUUID(), null, null) }

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 401
        errorBody(e, AdminError).error == AdminErrorError.UNAUTHORIZED
        e.response.header('WWW-Authenticate') == 'Bearer'

        where:
        credential << [Credential.header('X-Nothing', 'none'), Credential.bearer('not-the-admin-token')]
    }

    def "unknown grants answer 404 to show and to revoke"() {
        when: "Micronaut's declarative clients hand a 404 back rather than throw"
        def response = withCredential(Credential.bearer(ADMIN_TOKEN)) { operation(admin) }

        then:
        response.status.code == 404
        response.getBody(AdminError).orElseThrow().error == AdminErrorError.NOT_FOUND

        where:
        operation << [{ GrantsApi a -> a.getGrant(UUID.randomUUID(), null, null) }, { GrantsApi a -> a.revokeGrant(UUID.randomUUID()) }]
    }

    def "a tenant of the wrong form for the dialect answers 422 naming the field"() {
        when:
        withCredential(Credential.bearer(ADMIN_TOKEN)) { admin.createGrant(new CreateGrantRequest(dialect, 'bob').tenant(tenant)) }

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 422
        def error = errorBody(e, AdminError)
        error.error == AdminErrorError.VALIDATION_FAILED
        error.violations*.field == [field]

        where:
        dialect         | tenant       | field
        Dialect.DAYZERO | 'not-a-uuid' | 'tenant'
        Dialect.PARTNER | 'forty-two'  | 'tenant'
        Dialect.DAYZERO | null         | 'tenant'
        Dialect.OAUTH2  | null         | 'client_id'
    }
}

package rotor.server.admin

import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.annotation.MockBean
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import rotor.server.clients.OAuthClients
import rotor.server.grants.GrantRevocations
import rotor.server.keys.RandomTokens
import rotor.server.keys.SecretHasher
import rotor.server.store.DurableCommits
import rotor.server.store.GrantRepository
import rotor.server.store.OAuthClientRecord
import rotor.server.store.OAuthClientRepository
import rotor.server.support.Answer
import rotor.server.support.EmbeddedServerSpecification

import java.sql.Connection
import java.time.Duration
import java.time.Instant

/**
 * Deleting a client revokes its live grants in the same transaction. A grant being created for it
 * at that moment had found the client before the deletion and was issued after it, when nothing
 * revoked it any more: a live grant of a deleted client (found by a sweep racing DELETE against 7
 * concurrent creates: 36 of them). The deletion is put between the create's check and its issue
 * here, where the race put it.
 */
@MicronautTest(transactional = false)
class AGrantOfADeletedClientIsNeverLeftLiveSpec extends EmbeddedServerSpecification {

    /** The client whose deletion lands right after the grant create has found it. */
    static volatile String deletedAfterCheck

    @Inject
    @Client('/')
    HttpClient http

    @Inject
    GrantRepository grants

    @MockBean(OAuthClients)
    OAuthClients clients(OAuthClientRepository repository, SecretHasher hasher, RandomTokens random, GrantRevocations revocations,
                         TransactionOperations<Connection> transactions, DurableCommits durable) {
        new OAuthClients(repository, hasher, random, revocations, transactions, durable, Duration.ofSeconds(5)) {
            @Override
            Optional<OAuthClientRecord> find(String clientId) {
                def found = super.find(clientId)
                if (clientId == deletedAfterCheck) {
                    assert super.delete(clientId, Instant.now())
                }
                found
            }
        }
    }

    def "a grant whose client is deleted while it is created is refused, and no grant of the client stays live"() {
        given:
        def client = Answer.to(http, HttpRequest.POST('/admin/v1/clients', '{"client_name":"racing"}').bearerAuth(ADMIN_TOKEN)
                .contentType('application/json')).json
        deletedAfterCheck = client.client_id

        when:
        def answer = Answer.to(http, HttpRequest.POST('/admin/v1/grants', "{\"dialect\":\"oauth2\",\"subject\":\"s\",\"client_id\":\"${client.client_id}\"}")
                .bearerAuth(ADMIN_TOKEN).contentType('application/json'))

        then:
        answer.status == 422
        answer.json.violations*.field == ['client_id']
        grants.findByClientIdAndRevokedAtIsNull(client.client_id as String) == []

        cleanup:
        deletedAfterCheck = null
    }
}

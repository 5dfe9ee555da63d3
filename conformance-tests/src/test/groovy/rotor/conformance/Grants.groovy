package rotor.conformance

import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.CreateGrantRequest
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.admin.model.IssuedGrant

/** First token pairs, issued through the admin contract (every issue is itself a validated exchange). */
class Grants {

    static IssuedGrant issue(Dialect dialect, String tenant = null, String scope = null, String clientId = null) {
        ConformanceSpecification.asAdmin {
            ConformanceSpecification.client(GrantsApi).createGrant(new CreateGrantRequest(dialect, "subject-${UUID.randomUUID()}")
                    .tenant(tenant).scope(scope).clientId(clientId)).body()
        }
    }
}

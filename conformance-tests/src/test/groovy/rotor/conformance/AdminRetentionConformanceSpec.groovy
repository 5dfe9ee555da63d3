package rotor.conformance

import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.RetentionApi

/**
 * The admin contract's on-demand retention run. Against a deployed server this really runs it,
 * under that server's own retention settings: it deletes only what its background job would.
 */
class AdminRetentionConformanceSpec extends ConformanceSpecification {

    RetentionApi retention = client(RetentionApi)

    def "runRetention: 200 with what it deleted; 401 without the admin token"() {
        when:
        def run = call(Credential.bearer(ConformanceTarget.get().adminToken)) { retention.runRetention() }
        def refused = call(Credential.bearer('not-the-admin-token')) { retention.runRetention() }

        then:
        conforms(run)
        run.status == 200
        run.json.grants >= 0
        answersConform(refused)
        refused.status == 401
        refused.json.error == 'unauthorized'
    }
}

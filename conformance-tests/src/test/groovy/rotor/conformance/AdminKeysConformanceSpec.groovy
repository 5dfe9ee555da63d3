package rotor.conformance

import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.KeysApi

/**
 * The admin contract's signing-key rotation. Against a deployed server this really rotates its
 * key: harmless by design, since the old key keeps verifying and the new one signs only later.
 */
class AdminKeysConformanceSpec extends ConformanceSpecification {

    KeysApi keys = client(KeysApi)

    def "rotateSigningKey: 200 with the new kid and when it signs; 401 without the admin token"() {
        when:
        def rotated = call(Credential.bearer(ConformanceTarget.get().adminToken)) { keys.rotateSigningKey() }
        def refused = call(Credential.bearer('not-the-admin-token')) { keys.rotateSigningKey() }

        then:
        conforms(rotated)
        rotated.status == 200
        rotated.json.kid
        answersConform(refused)
        refused.status == 401
        refused.json.error == 'unauthorized'
    }
}

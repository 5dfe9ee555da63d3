package rotor.conformance.negative

import rotor.conformance.Contracts
import spock.lang.Specification

/** The generated negative cases are a function of the spec and the seed: the same seed, the same cases. */
class NegativeCasesRepeatWithTheirSeedSpec extends Specification {

    def "#contract: the same seed generates the same cases, another seed other values"() {
        when:
        def once = new NegativeCases(contract, 42).checks()*.name
        def again = new NegativeCases(contract, 42).checks()*.name
        def other = new NegativeCases(contract, 43).checks()*.name

        then:
        !once.empty
        once == again
        other.size() == once.size()

        where:
        contract << Contracts.NAMES
    }

    def "each required header, each wrong format, oversized values and the wrong media type are among #contract's cases"() {
        when:
        def names = new NegativeCases(contract, 7).checks()*.name

        then:
        expected.every { wanted -> names.any { it.contains(wanted) } }

        where:
        contract  | expected
        'dayzero' | ['without the required header Authorization', 'without the required header x-business-id', 'header x-business-id of the wrong type or format (not-a-uuid)', 'header x-business-id oversized']
        'partner' | ['without the required header partnerId', 'header partnerId of the wrong type or format (not-a-number)', 'body without the required field refreshToken', 'body field refreshToken of the wrong JSON type', 'a body of the wrong media type (text/plain)']
        'oauth2'  | ['body without the required field grant_type', 'body field grant_type oversized', 'a body of the wrong media type (text/plain)']
        'admin'   | ['createGrant body without the required field dialect', 'createGrant body field subject oversized', 'path parameter connection_id oversized']
    }
}

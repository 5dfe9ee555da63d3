package rotor.conformance

import spock.lang.Specification

class ContractsParseWithoutErrorsSpec extends Specification {

    def "#name is a valid OpenAPI 3.0 document for swagger-parser"() {
        when:
        def result = Contracts.parse(name)

        then:
        result.messages == []
        result.openAPI.openapi.startsWith('3.0.')
        !result.openAPI.paths.isEmpty()

        where:
        name << Contracts.NAMES
    }
}

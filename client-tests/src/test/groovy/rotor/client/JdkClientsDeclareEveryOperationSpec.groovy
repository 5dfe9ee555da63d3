package rotor.client

import rotor.contracts.Contract
import rotor.contracts.Routes
import spock.lang.Specification

class JdkClientsDeclareEveryOperationSpec extends Specification {

    def "the JDK client of #contract has a method for #operation"() {
        given:
        def apis = Routes.classesIn("rotor.client.jdk.${contract.name}").findAll { it.simpleName.endsWith('Api') }
        def method = javaName(operation.operationId)

        expect:
        apis.any { api -> api.methods.any { it.name == method } }
        apis.any { api -> api.methods.any { it.name == method + 'WithHttpInfo' } }

        where:
        [contract, operation] << Contract.all().collectMany { c -> c.operations().collect { [c, it] } }
    }

    /** OpenAPI Generator's camel case of an operation id. */
    private static String javaName(String operationId) {
        def words = operationId.split(/[_\-]+/).findAll()
        words[0] + words.drop(1).collect { it.capitalize() }.join('')
    }
}

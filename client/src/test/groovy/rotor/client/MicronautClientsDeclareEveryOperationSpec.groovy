package rotor.client

import io.micronaut.http.client.annotation.Client
import rotor.contracts.Contract
import rotor.contracts.Routes
import spock.lang.Specification

class MicronautClientsDeclareEveryOperationSpec extends Specification {

    def "the Micronaut clients of #contract declare exactly the contract's operations"() {
        given:
        def clients = Routes.classesIn("rotor.client.micronaut.${contract.name}").findAll { it.isAnnotationPresent(Client) }

        expect:
        !clients.empty
        clients.every { it.getAnnotation(Client).value() == contract.name }
        Routes.declaredBy(clients) == contract.operations().collect { "${it.method} ${it.path}".toString() } as Set

        where:
        contract << Contract.all()
    }
}

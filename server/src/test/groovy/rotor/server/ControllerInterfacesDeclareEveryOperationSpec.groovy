package rotor.server

import io.micronaut.http.annotation.Controller
import rotor.contracts.Contract
import rotor.contracts.Routes
import spock.lang.Specification

/** The generated controller interfaces (rotor.server.api.*) match their contracts exactly. */
class ControllerInterfacesDeclareEveryOperationSpec extends Specification {

    def "the controller interfaces of #contract declare exactly the contract's operations"() {
        given:
        def controllers = Routes.classesIn("rotor.server.api.${contract.name}").findAll { it.isAnnotationPresent(Controller) }

        expect:
        !controllers.empty
        controllers.every { it.interface }
        Routes.declaredBy(controllers) == contract.operations().collect { "${it.method} ${it.path}".toString() } as Set

        where:
        contract << Contract.all()
    }
}

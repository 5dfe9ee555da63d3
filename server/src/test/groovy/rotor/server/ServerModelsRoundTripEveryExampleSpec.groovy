package rotor.server

import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.contracts.Contract
import rotor.contracts.ExamplesRoundTripSpecification

/** With the server's own serde configuration, every example keeps all its members. */
@MicronautTest(startApplication = false)
class ServerModelsRoundTripEveryExampleSpec extends ExamplesRoundTripSpecification {

    @Inject
    JsonMapper json

    String modelPackage(Contract contract) { "rotor.server.api.${contract.name}.model" }

    Object read(String text, Class model) { json.readValue(text, model) }

    String write(Object value) { json.writeValueAsString(value) }
}

package rotor.client

import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.contracts.Contract
import rotor.contracts.ExamplesRoundTripSpecification

@MicronautTest(startApplication = false)
class MicronautClientModelsRoundTripEveryExampleSpec extends ExamplesRoundTripSpecification {

    @Inject
    JsonMapper json

    String modelPackage(Contract contract) { "rotor.client.micronaut.${contract.name}.model" }

    Object read(String text, Class model) { json.readValue(text, model) }

    String write(Object value) { json.writeValueAsString(value) }
}

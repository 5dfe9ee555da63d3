package rotor.client

import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.contracts.Contract
import rotor.contracts.Json
import spock.lang.Specification

/** Every example in the contracts reads into its Micronaut model and writes back unchanged. */
@MicronautTest(startApplication = false)
class MicronautClientModelsRoundTripEveryExampleSpec extends Specification {

    @Inject
    JsonMapper json

    def "#example of #contract round-trips through rotor.client.micronaut.#contract.name"() {
        given:
        def model = Class.forName("rotor.client.micronaut.${contract.name}.model.${example.schema}")
        def wire = json.writeValueAsString(example.value)

        when:
        def read = json.readValue(wire, model)
        def written = json.readValue(json.writeValueAsString(read), Object)

        then:
        model.isInstance(read)
        Json.withoutNulls(written) == Json.withoutNulls(example.value)

        where:
        [contract, example] << Contract.all().collectMany { c -> c.examples().findAll { it.mediaType == 'application/json' }.collect { [c, it] } }
    }
}

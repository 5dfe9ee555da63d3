package rotor.client

import com.fasterxml.jackson.databind.ObjectMapper
import rotor.contracts.Contract
import rotor.contracts.Json
import spock.lang.Specification

/** Every example in the contracts reads into its JDK-client model and writes back unchanged. */
class JdkClientModelsRoundTripEveryExampleSpec extends Specification {

    def "#example of #contract round-trips through rotor.client.jdk.#contract.name"() {
        given:
        ObjectMapper mapper = Class.forName("rotor.client.jdk.${contract.name}.invoker.ApiClient").createDefaultObjectMapper()
        def model = Class.forName("rotor.client.jdk.${contract.name}.model.${example.schema}")
        def wire = mapper.writeValueAsString(example.value)

        when:
        def read = mapper.readValue(wire, model)
        def written = mapper.readValue(mapper.writeValueAsString(read), Object)

        then:
        model.isInstance(read)
        Json.withoutNulls(written) == Json.withoutNulls(example.value)

        where:
        [contract, example] << Contract.all().collectMany { c -> c.examples().findAll { it.mediaType == 'application/json' }.collect { [c, it] } }
    }
}

package rotor.client

import com.fasterxml.jackson.databind.ObjectMapper
import rotor.contracts.Contract
import rotor.contracts.ExamplesRoundTripSpecification

/** Each contract's JDK client comes with its own configured ObjectMapper (invoker.ApiClient). */
class JdkClientModelsRoundTripEveryExampleSpec extends ExamplesRoundTripSpecification {

    private ObjectMapper mapper

    String modelPackage(Contract contract) {
        mapper = Class.forName("rotor.client.jdk.${contract.name}.invoker.ApiClient").createDefaultObjectMapper()
        "rotor.client.jdk.${contract.name}.model"
    }

    Object read(String text, Class model) { mapper.readValue(text, model) }

    String write(Object value) { mapper.writeValueAsString(value) }
}

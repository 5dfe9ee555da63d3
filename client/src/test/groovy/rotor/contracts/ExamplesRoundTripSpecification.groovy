package rotor.contracts

import spock.lang.Specification

/**
 * Every JSON example in the contracts reads into its generated model and writes back unchanged,
 * so a field the generated code would silently drop shows up here. Subclasses name the generated
 * package and the JSON library it is used with.
 */
abstract class ExamplesRoundTripSpecification extends Specification {

    /** The package of the generated models of a contract. */
    abstract String modelPackage(Contract contract)

    /** Reads the JSON text into the model class. */
    abstract Object read(String json, Class model)

    /** Writes a value (model or plain maps and lists) as JSON text. */
    abstract String write(Object value)

    def "#example of #contract round-trips through its generated model"() {
        given:
        def model = Class.forName("${modelPackage(contract)}.${example.schema}")

        when:
        def parsed = read(write(example.value), model)
        def written = read(write(parsed), Object)

        then:
        model.isInstance(parsed)
        Json.withoutNulls(written) == Json.withoutNulls(example.value)

        where:
        [contract, example] << Contract.all().collectMany { c -> c.examples().findAll { it.mediaType == 'application/json' }.collect { [c, it] } }
    }
}

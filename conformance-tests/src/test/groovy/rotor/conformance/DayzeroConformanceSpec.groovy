package rotor.conformance

/** dayzero (openapi/dayzero.yaml): the tool's checks of it, against the target. */
class DayzeroConformanceSpec extends ConformanceSpecification {

    def "#check.name"() {
        expect:
        passes(check)

        where:
        check << checks('dayzero')
    }
}

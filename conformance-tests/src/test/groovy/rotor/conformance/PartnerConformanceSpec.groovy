package rotor.conformance

/** partner (openapi/partner.yaml): the tool's checks of it, against the target. */
class PartnerConformanceSpec extends ConformanceSpecification {

    def "#check.name"() {
        expect:
        passes(check)

        where:
        check << checks('partner')
    }
}

package rotor.conformance

/** partner (openapi/partner.yaml): the tool's checks of it, and its generated negative cases, against the target. */
class PartnerConformanceSpec extends ConformanceSpecification {

    @Override
    String getContract() {
        'partner'
    }
}

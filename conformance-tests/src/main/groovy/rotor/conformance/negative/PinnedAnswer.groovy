package rotor.conformance.negative

import rotor.conformance.Exchange

/** The one answer a negative case must get, where the contract pins it: a short description for the case's name, and the assertion. */
class PinnedAnswer {

    final String description
    final Closure<?> assertion

    PinnedAnswer(String description, Closure<?> assertion) {
        this.description = description
        this.assertion = assertion
    }

    void judge(Exchange exchange) {
        assertion.call(exchange)
    }
}

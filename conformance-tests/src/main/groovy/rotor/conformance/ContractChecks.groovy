package rotor.conformance

import rotor.conformance.negative.NegativeCase
import rotor.conformance.negative.PinnedAnswer

/**
 * The checks of one contract, in the order they run: a check that replays a token (and so ends a
 * brought token's chain) comes after every check that needs the chain alive.
 */
abstract class ContractChecks {

    abstract String getContract()

    abstract List<Check> checks()

    /**
     * The answer a generated negative case must get where CONTRACTS.md or the contract's spec pins
     * one down for that fault; null where any answer the operation documents will do.
     */
    PinnedAnswer pinned(NegativeCase negative) {
        null
    }

    /** A pinned answer: the assertion is given the case's exchange. */
    protected static PinnedAnswer answer(String description, Closure<?> assertion) {
        new PinnedAnswer(description, assertion)
    }

    /** A pinned answer of a status and an `error` member (RFC 6749 section 5.2's shape, and the admin contract's). */
    protected static PinnedAnswer error(int status, String error) {
        answer("${status} ${error}") { x ->
            assert x.status == status
            assert x.json.error == error
        }
    }

    /** A check whose body runs with a {@link CheckContext} as its delegate. */
    protected Check check(String name, List<String> needs = [], @DelegatesTo(value = CheckContext, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        new Check(contract, name, needs, body)
    }

    /** The checks of every contract, by name. */
    static Map<String, ContractChecks> all() {
        [new rotor.conformance.checks.DayzeroChecks(), new rotor.conformance.checks.OnboardChecks(), new rotor.conformance.checks.MieltoChecks(),
         new rotor.conformance.checks.PartnerChecks(), new rotor.conformance.checks.SessionChecks(), new rotor.conformance.checks.AdminChecks(),
         new rotor.conformance.checks.OAuth2Checks()].collectEntries { [it.contract, it] }
    }
}

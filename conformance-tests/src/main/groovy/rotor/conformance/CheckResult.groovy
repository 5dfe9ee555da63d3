package rotor.conformance

/** What one check came to, with the exchanges it made. */
class CheckResult {

    enum Outcome { PASSED, FAILED, NOT_RUN }

    final Check check
    final Outcome outcome
    /** Why it failed (the assertion or the validator's message), what it needs to run, or what a passed check could not verify. */
    final String message
    final List<Exchange> exchanges
    final long millis

    CheckResult(Check check, Outcome outcome, String message, List<Exchange> exchanges, long millis) {
        this.check = check
        this.outcome = outcome
        this.message = message
        this.exchanges = exchanges
        this.millis = millis
    }

    /** The exchange a failure is about: the first that did not validate, else the last one made. */
    Exchange getOffending() {
        exchanges.find { it.responseProblems } ?: (exchanges ? exchanges.last() : null)
    }

    boolean isPassed() {
        outcome == Outcome.PASSED
    }

    @Override
    String toString() {
        "${outcome} ${check}${message ? ': ' + message : ''}"
    }
}

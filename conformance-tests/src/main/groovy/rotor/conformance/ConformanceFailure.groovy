package rotor.conformance

/** An answer that does not conform to its contract: the validator's verdict, with the exchange it is about. */
class ConformanceFailure extends AssertionError {

    final Exchange exchange

    ConformanceFailure(Exchange exchange, String what, List<String> problems) {
        super("${exchange.answer}: ${what} does not conform: ${problems.join('; ')}".toString())
        this.exchange = exchange
    }
}

package rotor.server.ops.logging

import spock.lang.Specification

/** ROTOR_LOG_FORMAT takes text or json; anything else is logged as text, with a warning saying so. */
class AnUnknownLogFormatIsWarnedOfSpec extends Specification {

    def "ROTOR_LOG_FORMAT=#format is #outcome"() {
        expect:
        ConsoleLogging.unknownFormat(format).map { it.contains("'${format}'") && it.contains('logging as text') }.orElse(false) == warned

        where:
        format | warned
        'xml'  | true
        'JSON' | true
        'json' | false
        'text' | false
        null   | false
        outcome = warned ? 'warned of' : 'taken as it is'
    }
}

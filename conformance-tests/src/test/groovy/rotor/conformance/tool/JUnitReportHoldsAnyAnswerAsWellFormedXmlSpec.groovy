package rotor.conformance.tool

import rotor.conformance.report.JUnitReport
import spock.lang.Specification

import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.stream.XMLOutputFactory

/** A server's answer may carry control characters; the JUnit report holds them and stays well-formed XML. */
class JUnitReportHoldsAnyAnswerAsWellFormedXmlSpec extends Specification {

    def "an answer with #what is written as text an XML parser reads back"() {
        given:
        def out = new StringWriter()
        def xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out)

        when:
        xml.writeStartDocument('UTF-8', '1.0')
        xml.writeStartElement('failure')
        xml.writeAttribute('message', JUnitReport.xmlText(answer))
        xml.writeCharacters(JUnitReport.xmlText(answer))
        xml.writeEndElement()
        xml.writeEndDocument()
        def parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(out.toString().getBytes('UTF-8')))

        then:
        parsed.documentElement.textContent == expected
        parsed.documentElement.getAttribute('message') == expected

        where:
        what                         | answer                                  | expected
        'SOH and ESC'                | '{"code":"\u0001\u001b[31m"}'           | '{"code":"\uFFFD\uFFFD[31m"}'
        'a lone surrogate'           | 'a\uD800b'                              | 'a\uFFFDb'
        'only what XML holds'        | 'caf\u00e9 \uD83D\uDE00'                 | 'caf\u00e9 \uD83D\uDE00'
    }
}

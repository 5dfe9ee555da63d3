package rotor.conformance.tool

import javax.xml.parsers.DocumentBuilderFactory
import java.nio.file.Path

/** Reads a report's XML with the JDK's parser (which also proves it is well-formed). */
class JUnitXml {

    final String text
    private final org.w3c.dom.Document document

    JUnitXml(Path file) {
        text = java.nio.file.Files.readString(file)
        document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
    }

    /** An attribute of the first element of that name. */
    String attribute(String element, String name) {
        (document.getElementsByTagName(element).item(0) as org.w3c.dom.Element).getAttribute(name)
    }
}

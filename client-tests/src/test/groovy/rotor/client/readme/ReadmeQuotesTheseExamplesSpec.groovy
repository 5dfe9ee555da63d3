package rotor.client.readme

import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * The README's "Using the clients" examples are the code of UsingTheClients.java, which compiles
 * with this module and runs in UsingTheClientsExamplesRunSpec: each README block marked
 * {@code <!-- example: NAME -->} is that file's region NAME, character for character.
 */
class ReadmeQuotesTheseExamplesSpec extends Specification {

    static final Path EXAMPLES = Path.of('src/test/java/rotor/client/examples/UsingTheClients.java')

    @Shared
    String section = usingTheClients(Files.readString(Path.of(System.getProperty('rotor.readme', '../README.md'))))
    @Shared
    Map<String, String> regions = regions(Files.readString(EXAMPLES))

    def "the README quotes every example, and only examples that exist"() {
        expect:
        regions.keySet() == ['jdk-call', 'jdk-session', 'mielto', 'micronaut'] as Set
        quoted(section).keySet() == regions.keySet()
    }

    def "the README's #name example is the code that runs"() {
        expect:
        quoted(section)[name] == regions[name]

        where:
        name << ['jdk-call', 'jdk-session', 'mielto', 'micronaut']
    }

    def "the README's Maven coordinates are this build's"() {
        given:
        def version = System.getProperty('rotor.version')

        expect:
        version
        section.contains("<groupId>rotor</groupId>\n  <artifactId>rotor-client-jdk</artifactId>\n  <version>${version}</version>")
        section.contains("<groupId>rotor</groupId>\n  <artifactId>rotor-client</artifactId>\n  <version>${version}</version>")
    }

    static String usingTheClients(String readme) {
        def start = readme.indexOf('\n## Using the clients\n')
        assert start >= 0: 'the README has a "Using the clients" section'
        def end = readme.indexOf('\n## ', start + 1)
        readme.substring(start, end < 0 ? readme.length() : end)
    }

    /** README blocks: {@code <!-- example: NAME -->}, then a fenced java block. */
    static Map<String, String> quoted(String text) {
        (text =~ /(?s)<!-- example: ([\w-]+) -->\n```java\n(.*?)\n```/).collect { List m -> [m[1], m[2]] }.collectEntries()
    }

    /** The file's regions, without their common indentation. */
    static Map<String, String> regions(String source) {
        (source =~ /(?s)\n[ \t]*\/\/ readme:begin ([\w-]+)\n(.*?)\n[ \t]*\/\/ readme:end \1\n/).collect { List m ->
            def lines = (m[2] as String).split('\n', -1) as List<String>
            def indent = lines.findAll { it.trim() }.collect { it.length() - it.stripLeading().length() }.min()
            [m[1], lines.collect { it.length() >= indent ? it.substring(indent) : it.strip() }.join('\n')]
        }.collectEntries()
    }
}

package rotor.server.keys

import rotor.server.support.CapturedLog
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/**
 * Without rotor.master-key a development key is generated into the data directory. The file is
 * created readable by its owner only, before the key is written to it: written first and
 * restricted after, it stood for a moment under the umask's permissions (world-readable with 022).
 * That moment cannot be caught from a test; what this asserts is the file's permissions and that
 * the key survives a restart.
 */
class DevelopmentMasterKeyIsTheOwnersOnlySpec extends Specification {

    @TempDir
    Path dir

    def "the generated key file is rw------- and the next start reads the same key from it"() {
        when:
        def first = new MasterKey(null, new DataDirectory(dir.toString()))
        def file = dir.resolve('master.key')

        then:
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) == 'rw-------'
        Base64.decoder.decode(Files.readString(file).trim()).length == 32
        new MasterKey(null, new DataDirectory(dir.toString())).derive('x') == first.derive('x')
        Files.list(dir).toList()*.fileName*.toString() == ['master.key'] // written beside it, then renamed
    }

    def "a key file others may read (#loose) is made the owner's alone at start, with a warning that names no key"() {
        given:
        def first = new MasterKey(null, new DataDirectory(dir.toString()))
        def file = dir.resolve('master.key')
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(loose))
        def log = new CapturedLog()

        when:
        def again = new MasterKey(null, new DataDirectory(dir.toString()))

        then:
        again.derive('x') == first.derive('x')
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) == 'rw-------'
        log.lines(MasterKey.name).findAll { it.contains('was readable by others') && it.contains(loose) }.size() == 1
        log.lines().every { !it.contains(Files.readString(file).trim()) }

        cleanup:
        log?.close()

        where:
        loose << ['rw-r--r--', 'rw-rw----', 'rwxrwxrwx']
    }

    def "a key file that holds no key (#content) stops the start with a message that names the file and does not say delete it"() {
        given:
        Files.writeString(dir.resolve('master.key'), content)

        when:
        new MasterKey(null, new DataDirectory(dir.toString()))

        then:
        def e = thrown(IllegalStateException)
        e.message.contains(dir.resolve('master.key').toString())
        e.message.contains('restore it from a backup')
        !e.message.toLowerCase().contains('delete')

        where:
        content << ['', 'not base64!', Base64.encoder.encodeToString(new byte[16])]
    }
}

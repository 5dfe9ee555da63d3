package rotor.client.session.store

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

class FileStoreReplacesTheTokenAtomicallySpec extends Specification {

    @TempDir
    Path dir

    def "a saved token is what a new store on the same file loads; nothing else is left beside it"() {
        given:
        def file = dir.resolve('sub/grant.token')

        when:
        new FileRefreshTokenStore(file).save('rt-1')
        new FileRefreshTokenStore(file).save('rt-2')

        then:
        new FileRefreshTokenStore(file).load() == Optional.of('rt-2')
        Files.list(file.parent).withCloseable { it.toList() } == [file]
    }

    def "the file is readable by its owner only"() {
        given:
        def file = dir.resolve('grant.token')

        when:
        new FileRefreshTokenStore(file).save('rt-1')

        then:
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) == 'rw-------'
    }

    def "a temporary file left by a crash mid-save does not change what is loaded"() {
        given:
        def file = dir.resolve('grant.token')
        def store = new FileRefreshTokenStore(file)
        store.save('rt-1')
        Files.writeString(dir.resolve('grant.token.0000.tmp'), 'rt-2-half')

        expect:
        store.load() == Optional.of('rt-1')
    }

    def "an absent file, and a cleared store, hold no token"() {
        given:
        def store = new FileRefreshTokenStore(dir.resolve('grant.token'))

        expect:
        store.load().isEmpty()

        when:
        store.save('rt-1')
        store.clear()

        then:
        store.load().isEmpty()
        !Files.exists(dir.resolve('grant.token'))
    }

    def "a store that cannot write says so"() {
        given:
        def blocker = dir.resolve('not-a-dir')
        Files.writeString(blocker, 'x')

        when:
        new FileRefreshTokenStore(blocker.resolve('grant.token')).save('rt-1')

        then:
        thrown(UncheckedIOException)
    }
}

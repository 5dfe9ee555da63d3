package rotor.server

import spock.lang.Specification

/**
 * A start that fails logs one line saying why: the innermost cause's sentence, which names the
 * setting or the file, not the bean paths Micronaut wraps it in.
 */
class AFailedStartSaysWhyInOneLineSpec extends Specification {

    def "#what is described as #expected"() {
        expect:
        StartFailure.describe(failure) == expected

        where:
        what                                   | failure                                                                                  | expected
        'a setting rotor refuses, wrapped'     | wrapped(new IllegalStateException('rotor.master-key must be base64 (32 bytes)'))        | 'rotor.master-key must be base64 (32 bytes)'
        'a port in use'                        | wrapped(new java.net.BindException('Address already in use'))                            | 'BindException: Address already in use'
        'a port in use, as Micronaut wraps it' | new RuntimeException('Unable to start Micronaut server on *:8331', new java.net.BindException('Address already in use')) | 'BindException: Address already in use (*:8331)'
        'a data directory that is a file'      | wrapped(new RuntimeException('IO Exception', new java.nio.file.NotDirectoryException('/srv/rotor'))) | 'NotDirectoryException: /srv/rotor'
        "Micronaut's own nested messages"      | new RuntimeException('Failed to inject value for parameter [port]\n\nMessage: Failed to inject value for parameter [port]\nPath Taken: new A()\n\nMessage: Error resolving property value [micronaut.server.port]. Unable to convert value [abc] to target type [int]\nPath Taken: new A() --> new B()') | 'Error resolving property value [micronaut.server.port]. Unable to convert value [abc] to target type [int]'
        'a failure without a message'          | wrapped(new NullPointerException())                                                      | 'NullPointerException'
    }

    private static Throwable wrapped(Throwable cause) {
        new RuntimeException("Error instantiating bean of type [X]\n\nMessage: ${cause.message}\nPath Taken: new X()", cause)
    }
}

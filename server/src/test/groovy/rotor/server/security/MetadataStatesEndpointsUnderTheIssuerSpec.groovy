package rotor.server.security

import groovy.json.JsonSlurper
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.server.support.EmbeddedServerSpecification

/**
 * RFC 8414 metadata tells a client where to send its secret and its refresh tokens. It used to
 * build those URLs from the request's Host and X-Forwarded-* headers, which any caller sets, and
 * which a shared cache may keep for the next client; a malformed Forwarded header was a 500.
 * Every endpoint now lies under the issuer, which without configuration is this server's own
 * address on its port (RFC 8414 section 3.3: the URL the metadata is fetched under).
 */
@MicronautTest(transactional = false)
class MetadataStatesEndpointsUnderTheIssuerSpec extends EmbeddedServerSpecification {

    @Inject
    @Client('/')
    HttpClient http

    def "with #headers the metadata's endpoints all lie under the issuer, this server's address"() {
        given:
        def request = HttpRequest.GET('/.well-known/oauth-authorization-server')
        headers.each { name, value -> request.header(name, value) }

        when:
        def metadata = new JsonSlurper().parseText(http.toBlocking().retrieve(request))
        def endpoints = [metadata.token_endpoint, metadata.revocation_endpoint, metadata.introspection_endpoint, metadata.jwks_uri]

        then:
        metadata.issuer == "http://localhost:${port}"
        endpoints == ['/oauth2/token', '/oauth2/revoke', '/oauth2/introspect', '/.well-known/jwks.json'].collect { metadata.issuer + it }

        where:
        headers << [
                [:],
                ['X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https', 'X-Forwarded-Port': '443'],
                ['Forwarded': 'for=1.2.3.4;host=evil.example;proto=https'],
                ['Forwarded': 'host="evil:1/x?"'],
                ['Host': 'evil.example:8443'],
        ]
    }
}

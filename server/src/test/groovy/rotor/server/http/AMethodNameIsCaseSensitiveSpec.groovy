package rotor.server.http

import groovy.json.JsonOutput
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.ApiKeysApi
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.ConnectionsApi
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.server.support.AdminFixtures
import rotor.server.support.EmbeddedServerSpecification
import rotor.server.support.RawHttp

/**
 * RFC 9110 section 9.1: "The method token is case-sensitive". `post` is no POST: it is a method no
 * path here takes, answered as any other (the dialect's 405 with Allow), and the refresh does not
 * run. Micronaut upper-cases a method name before routing, so `post` and `Post` spent the token
 * with a 200; a filter in front that lets `post` through as something other than POST would then
 * see rotor act on a request it had judged harmless.
 */
@MicronautTest(transactional = false)
class AMethodNameIsCaseSensitiveSpec extends EmbeddedServerSpecification implements AdminFixtures {

    @Inject GrantsApi grantsApi
    @Inject ClientsApi clientsApi
    @Inject ApiKeysApi apiKeysApi
    @Inject ConnectionsApi connectionsApi

    def "#method on #dialect's refresh path is answered as DELETE is, and the token stays unspent"() {
        given:
        def (String path, String headers, String body) = refresh(dialect)

        when:
        def refused = RawHttp.exchange(port, request(method, path, headers, body))
        def deleted = RawHttp.exchange(port, request('DELETE', path, headers, body))

        then: 'the same 405 as a method the path does not take'
        status(refused) == 405
        header(refused, 'Allow') == 'POST'
        withoutCorrelationId(bodyOf(refused)) == withoutCorrelationId(bodyOf(deleted))
        status(deleted) == 405

        and: 'the token was not spent'
        status(RawHttp.exchange(port, request('POST', path, headers, body))) == 200

        where:
        dialect   | method
        'dayzero' | 'post'
        'onboard' | 'post'
        'partner' | 'post'
        'session' | 'Post'
        'oauth2'  | 'post'
        'oauth2'  | 'pOST'
    }

    def "#method on a path that takes it in upper case is a 405 naming the methods the path takes"() {
        when:
        def answer = RawHttp.exchange(port, request(method, path, "Authorization: Bearer ${ADMIN_TOKEN}\r\n", ''))

        then:
        status(answer) == 405
        header(answer, 'Allow').split(/,\s*/).toList().toSorted() == allow

        where:
        method | path                     | allow
        'get'  | '/health'                | ['GET', 'HEAD']
        'get'  | '/.well-known/jwks.json'  | ['GET', 'HEAD']
        'get'  | '/openapi/oauth2.yaml'    | ['GET', 'HEAD']
        'head' | '/docs'                   | ['GET', 'HEAD']
        'post' | '/admin/v1/grants'        | ['POST']
    }

    def "the upper-case methods are served as before, and a path with nothing is a 404 in any case"() {
        expect:
        status(RawHttp.exchange(port, request('GET', '/health', '', ''))) == 200
        status(RawHttp.exchange(port, request('HEAD', '/docs', '', ''))) == 200
        status(RawHttp.exchange(port, request('get', '/nothing-here', '', ''))) == 404
    }

    private List<String> refresh(String dialect) {
        switch (dialect) {
            case 'dayzero':
                def tenant = UUID.randomUUID().toString()
                return ['/api/v1/oauth2/refresh', "Authorization: Bearer ${issue(grantsApi, Dialect.DAYZERO, tenant).refreshToken}\r\nx-business-id: ${tenant}\r\n", '']
            case 'onboard':
                return ['/auth/oauth/refresh-token', "x-auth-token: ${issue(grantsApi, Dialect.ONBOARD).refreshToken}\r\n", '']
            case 'partner':
                return ['/v1/auth/token', 'partnerId: 1042\r\ngrantType: refresh_token\r\nContent-Type: application/json\r\n',
                        JsonOutput.toJson([refreshToken: issue(grantsApi, Dialect.PARTNER, '1042').refreshToken])]
            case 'session':
                return ['/session/token/refresh', 'Content-Type: application/json\r\n',
                        JsonOutput.toJson([refresh_token: issue(grantsApi, Dialect.SESSION).refreshToken])]
            case 'oauth2':
                def client = registerClient()
                def basic = Base64.encoder.encodeToString("${client.clientId}:${client.clientSecret}".getBytes('UTF-8'))
                return ['/oauth2/token', "Authorization: Basic ${basic}\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                        "grant_type=refresh_token&refresh_token=${oauth2Grant(client).refreshToken}"]
        }
        throw new IllegalArgumentException(dialect)
    }

    private static String request(String method, String path, String headers, String body) {
        "${method} ${path} HTTP/1.1\r\nHost: localhost\r\n${headers}Content-Length: ${body.length()}\r\nConnection: close\r\n\r\n${body}"
    }

    private static int status(String answer) {
        answer.substring(9, 12) as int
    }

    private static String header(String answer, String name) {
        answer.substring(0, answer.indexOf('\r\n\r\n')).split('\r\n').find { it.toLowerCase().startsWith(name.toLowerCase() + ':') }?.with { it.substring(it.indexOf(':') + 1).strip() }
    }

    private static String bodyOf(String answer) {
        answer.substring(answer.indexOf('\r\n\r\n') + 4)
    }

    private static String withoutCorrelationId(String body) {
        body.replaceAll(/"correlation_id":"[^"]*"/, '"correlation_id":"..."')
    }
}

package rotor.client.session.dialect

import com.sun.net.httpserver.HttpServer
import rotor.client.session.GrantGoneException
import rotor.client.session.RefreshFailedException
import rotor.client.session.Refresher
import rotor.client.session.TransientRefreshException
import spock.lang.Shared
import spock.lang.Specification

import java.nio.charset.StandardCharsets
import java.time.Duration
import java.time.Instant

/**
 * Each contract's refresher against a stub that answers what the spec tells it: the contract's
 * success, its invalid-grant answer, a 5xx, another 4xx, and no answer at all.
 */
class RefreshersMapEachContractsAnswersSpec extends Specification {

    @Shared
    Map answer = [:]
    @Shared
    List<Map> requests = []
    @Shared
    HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0).tap {
        createContext('/') { exchange ->
            requests << [path: exchange.requestURI.path, headers: exchange.requestHeaders,
                         body: new String(exchange.requestBody.readAllBytes(), StandardCharsets.UTF_8)]
            (answer.headers ?: [:]).each { k, v -> exchange.responseHeaders.add(k, v) }
            exchange.responseHeaders.add('Content-Type', 'application/json')
            def bytes = (answer.body ?: '').getBytes(StandardCharsets.UTF_8)
            exchange.sendResponseHeaders(answer.status, bytes.length ?: -1)
            if (bytes) exchange.responseBody.write(bytes)
            exchange.close()
        }
        start()
    }

    def setup() {
        requests.clear()
    }

    def cleanupSpec() {
        stub.stop(0)
    }

    static final String FUTURE = '2099-01-01T00:00:00Z'

    static Map<String, Closure<Refresher>> REFRESHERS = [
            dayzero: { String base -> new DayzeroRefresher(new rotor.client.jdk.dayzero.OauthApi(jdk(rotor.client.jdk.dayzero.invoker.ApiClient, base)), UUID.fromString('3f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b')) },
            onboard: { String base -> new OnboardRefresher(new rotor.client.jdk.onboard.AuthOauthApi(jdk(rotor.client.jdk.onboard.invoker.ApiClient, base))) },
            partner: { String base -> new PartnerRefresher(new rotor.client.jdk.partner.AuthApi(jdk(rotor.client.jdk.partner.invoker.ApiClient, base)), 1042) },
            session: { String base -> new SessionDialectRefresher(new rotor.client.jdk.session.SessionTokenApi(jdk(rotor.client.jdk.session.invoker.ApiClient, base))) },
            oauth2 : { String base -> new OAuth2Refresher(new rotor.client.jdk.oauth2.Oauth2Api(jdk(rotor.client.jdk.oauth2.invoker.ApiClient, base)), 'cid', 's3cret') },
    ]

    static <C> C jdk(Class<C> type, String base) {
        def client = type.getConstructor().newInstance()
        client.updateBaseUri(base)
        client.setReadTimeout(Duration.ofSeconds(5))
        client
    }

    String getBase() { "http://127.0.0.1:${stub.address.port}" }

    def "#dialect: a success becomes the new pair, the refresh token sent as the contract says"() {
        given:
        answer = [status: 200, body: body]

        when:
        def pair = REFRESHERS[dialect](base).refresh('rt-old')

        then:
        pair.accessToken() == 'at-new'
        pair.refreshToken() == 'rt-new'
        pair.accessExpiresAt() > Instant.now() + Duration.ofSeconds(30)
        sent(requests[0])

        where:
        dialect   | body                                                                                                                          | sent
        'dayzero' | '{"access_token":"at-new","token_type":"Bearer","expires_in":60,"refresh_token":"rt-new","scope":"read"}'                  | { it.headers.getFirst('Authorization') == 'Bearer rt-old' && it.headers.getFirst('x-business-id') == '3f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b' }
        'onboard' | """{"userId":"u","accessToken":{"token":"at-new","expiry":"$FUTURE"},"refreshToken":{"token":"rt-new","expiry":"$FUTURE"}}""" | { it.headers.getFirst('x-auth-token') == 'rt-old' }
        'partner' | '{"access_token":"at-new","refresh_token":"rt-new","expires_in":60,"token_type":"Bearer"}'                                  | { it.headers.getFirst('partnerId') == '1042' && it.headers.getFirst('grantType') == 'refresh_token' && it.body.contains('"refreshToken":"rt-old"') }
        'session' | """{"data":{"access_token":"at-new","access_expires":"$FUTURE","refresh_token":"rt-new","refresh_expires":"$FUTURE"},"code":0,"msg":""}""" | { it.body.contains('"refresh_token":"rt-old"') }
        'oauth2'  | '{"access_token":"at-new","token_type":"Bearer","expires_in":60,"refresh_token":"rt-new"}'                                  | { it.headers.getFirst('Authorization') == 'Basic ' + 'cid:s3cret'.bytes.encodeBase64() && it.body.contains('grant_type=refresh_token') && it.body.contains('refresh_token=rt-old') }
    }

    def "oauth2: a server that does not rotate leaves the refresh token the chain's head"() {
        given:
        answer = [status: 200, body: '{"access_token":"at-new","token_type":"Bearer","expires_in":60}']

        expect:
        REFRESHERS.oauth2(base).refresh('rt-old').refreshToken() == 'rt-old'
    }

    def "#dialect: its invalid-grant answer (#status) says the grant is gone"() {
        given:
        answer = [status: status, body: body, headers: headers]

        when:
        REFRESHERS[dialect](base).refresh('rt-old')

        then:
        def e = thrown(GrantGoneException)
        e.answer() == verdict

        where:
        dialect   | status | headers                                                | body                                                                                   | verdict
        'dayzero' | 401    | ['WWW-Authenticate': 'Bearer error="invalid_token"']   | '{"detail":"Invalid or expired refresh token"}'                                        | 'invalid_token'
        'onboard' | 401    | [:]                                                    | '{"code":"REFRESH_TOKEN_INVALID","message":"x"}'                                       | 'REFRESH_TOKEN_INVALID'
        'onboard' | 403    | [:]                                                    | '{"code":"REFRESH_TOKEN_REVOKED","message":"x"}'                                       | 'REFRESH_TOKEN_REVOKED'
        'partner' | 400    | [:]                                                    | '{"error":"invalid_grant","error_description":"x"}'                                    | 'invalid_grant'
        'session' | 401    | [:]                                                    | '{"data":null,"code":40101,"msg":"x","correlation_id":"3f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b"}' | '40101'
        'oauth2'  | 400    | [:]                                                    | '{"error":"invalid_grant"}'                                                            | 'invalid_grant'
    }

    def "#dialect: #status #body is a failure of kind #kind.simpleName, not a gone grant"() {
        given:
        answer = [status: status, body: body]

        when:
        REFRESHERS[dialect](base).refresh('rt-old')

        then:
        thrown(kind)

        where:
        dialect   | status | body                                                    | kind
        'dayzero' | 500    | '{"detail":"Internal Server Error"}'                    | TransientRefreshException
        'dayzero' | 401    | '{"detail":"Not authenticated"}'                        | RefreshFailedException
        'onboard' | 500    | '{"code":"UNKNOWN_ERROR","message":"x"}'                | TransientRefreshException
        'onboard' | 400    | '{"code":"MALFORMED_TOKEN","message":"x"}'              | RefreshFailedException
        'partner' | 503    | ''                                                      | TransientRefreshException
        'partner' | 400    | '{"error":"invalid_request","error_description":"x"}'   | RefreshFailedException
        'session' | 500    | '{"data":null,"code":50000,"msg":"x"}'                  | TransientRefreshException
        'session' | 400    | '{"data":null,"code":40001,"msg":"x"}'                  | RefreshFailedException
        'oauth2'  | 429    | ''                                                      | TransientRefreshException
        'oauth2'  | 401    | '{"error":"invalid_client"}'                            | RefreshFailedException
    }

    def "#dialect: no answer at all is transient"() {
        given: 'a port nobody listens on'
        def closed = new ServerSocket(0).withCloseable { it.localPort }

        when:
        REFRESHERS[dialect]("http://127.0.0.1:$closed").refresh('rt-old')

        then:
        thrown(TransientRefreshException)

        where:
        dialect << REFRESHERS.keySet()
    }
}

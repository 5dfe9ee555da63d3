package rotor.server.admin

import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.server.support.Answer
import rotor.server.support.EmbeddedServerSpecification

/**
 * A JSON string may carry a NUL (\u0000) or an unpaired surrogate (\ud800), which PostgreSQL
 * cannot keep: a grant, client, connection or API key holding one was a 500 there, and on H2 a
 * record that the same deployment on PostgreSQL would have refused. Every store now answers the
 * same: 422 validation_failed on the field. A pair of surrogates (one emoji) is text like any other.
 */
@MicronautTest(transactional = false)
class TextNoStoreCanKeepIsRefusedSpec extends EmbeddedServerSpecification {

    @Inject
    @Client('/')
    HttpClient http

    def "#path with #field holding #shown answers 422 validation_failed on #field"() {
        when:
        def answer = Answer.to(http, HttpRequest.POST(path, body.replace('VALUE', escaped)).bearerAuth(ADMIN_TOKEN).contentType('application/json'))

        then:
        answer.status == 422
        answer.json.error == 'validation_failed'
        answer.json.violations*.field == [field]

        where:
        path                    | field          | shown             | escaped        | body
        '/admin/v1/grants'      | 'subject'      | 'a NUL'           | 'a\\u0000b'    | '{"dialect":"onboard","subject":"VALUE"}'
        '/admin/v1/grants'      | 'subject'      | 'a lone surrogate' | 'a\\ud800b'   | '{"dialect":"onboard","subject":"VALUE"}'
        '/admin/v1/grants'      | 'tenant'       | 'a NUL'           | '1\\u0000'     | '{"dialect":"partner","subject":"s","tenant":"VALUE"}'
        '/admin/v1/clients'     | 'client_name'  | 'a NUL'           | 'a\\u0000b'    | '{"client_name":"VALUE"}'
        '/admin/v1/api-keys'    | 'workspace_id' | 'a NUL'           | 'w\\u0000'     | '{"workspace_id":"VALUE"}'
        '/admin/v1/connections' | 'workspace_id' | 'a lone surrogate' | 'w\\udc00'    | '{"workspace_id":"VALUE","token_url":"https://a.example.com/t","client_id":"c","client_secret":"s","refresh_token":"r"}'
        '/admin/v1/connections' | 'token_url'    | 'a lone surrogate' | 'https://a.example.com/t\\ud800' | '{"workspace_id":"w","token_url":"VALUE","client_id":"c","client_secret":"s","refresh_token":"r"}'
        '/admin/v1/connections' | 'token_url'    | 'a NUL'           | 'https://a.example.com/t\\u0000' | '{"workspace_id":"w","token_url":"VALUE","client_id":"c","client_secret":"s","refresh_token":"r"}'
    }

    def "a subject with an emoji (a pair of surrogates) is created and read back as it was"() {
        when:
        def answer = Answer.to(http, HttpRequest.POST('/admin/v1/grants', '{"dialect":"onboard","subject":"a\\ud83d\\ude00b"}')
                .bearerAuth(ADMIN_TOKEN).contentType('application/json'))

        then:
        answer.status == 201
        answer.json.subject == 'a\ud83d\ude00b'
    }
}

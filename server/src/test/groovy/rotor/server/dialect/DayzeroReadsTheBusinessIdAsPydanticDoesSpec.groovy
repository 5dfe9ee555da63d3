package rotor.server.dialect

import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.server.engine.Dialect
import rotor.server.engine.GrantRequest
import rotor.server.engine.TokenEngine
import rotor.server.support.Answer
import rotor.server.support.EmbeddedServerSpecification

import java.time.Instant

/**
 * x-business-id as FastAPI's UUID header reads it (pydantic v2, the uuid crate): a grant issued for
 * a business refreshes under any form of its id the crate takes, and a value it refuses gets the
 * 422 with the crate's own reason.
 */
@MicronautTest(transactional = false)
class DayzeroReadsTheBusinessIdAsPydanticDoesSpec extends EmbeddedServerSpecification {

    static final String BUSINESS = '6d93bade-bd9f-4e13-8914-9474e1e3567b'

    @Inject
    @Client('/')
    HttpClient http

    @Inject
    TokenEngine engine

    def "a grant refreshes with its business id #form"() {
        given:
        def issued = engine.issue(new GrantRequest(Dialect.DAYZERO, 'alice', BUSINESS, null, null), Instant.now())

        when:
        def answer = refresh(issued.refreshToken(), header)

        then:
        answer.status == 200
        answer.json.refresh_token != issued.refreshToken()

        where:
        form              | header
        'in upper case'   | BUSINESS.toUpperCase()
        'in simple form'  | BUSINESS.replace('-', '')
        'braced'          | "{${BUSINESS}}".toString()
        'as a URN'        | "urn:uuid:${BUSINESS}".toString()
    }

    def "x-business-id #input is 422 uuid_parsing: #reason"() {
        when:
        def answer = refresh('rtr_' + 'A' * 43, input)

        then:
        answer.status == 422
        answer.json.detail[0].type == 'uuid_parsing'
        answer.json.detail[0].loc == ['header', 'x-business-id']
        answer.json.detail[0].msg == 'Input should be a valid UUID, ' + reason
        answer.json.detail[0].input == input
        answer.json.detail[0].ctx == [error: reason]

        where:
        input                                              | reason
        '6d93bade'                                         | 'invalid length: expected length 32 for simple format, found 8'
        '6d93bade-bd9f'                                    | 'invalid group count: expected 5, found 2'
        '6d93bad-ebd9f-4e13-8914-9474e1e3567b'             | 'invalid group length in group 0: expected 8, found 7'
        '6d93bade-bd9f-4e13-8914-9474e1e3567b0'            | 'invalid group length in group 4: expected 12, found 13'
        "urn:uuid:6d93bade-bd9f-4e13-8914-9474e1e3567x"    | 'invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `x` at 45'
        "{6d93bade-bd9f-4e13-8914-9474e1e3567b"            | 'invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `{` at 1'
        'URN:UUID:6d93bade-bd9f-4e13-8914-9474e1e3567b'    | 'invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `U` at 1'
        "{6d93badebd9f4e1389149474e1e3567b}"               | 'invalid group count: expected 5, found 1'
    }

    private Answer refresh(String token, String business) {
        Answer.to(http, HttpRequest.POST('/api/v1/oauth2/refresh', '').bearerAuth(token).header('x-business-id', business))
    }
}

package rotor.conformance

import spock.lang.Specification

/**
 * Every status and error code that ../shared/CONTRACTS.md pins down (and every operation the
 * admin and oauth2 issues name) is documented in its contract, with a schema and an example that
 * shows it.
 */
class ContractsDocumentEveryPinnedAnswerSpec extends Specification {

    def "#contract #method #path documents #status with a schema and an example showing #shows"() {
        when:
        def response = Contracts.response(contract, method, path, status)

        then:
        response != null
        response.content?.get('application/json')?.schema != null
        shows == null || Contracts.examples(response).any { it.contains(shows) }

        where:
        contract  | method | path                                     | status | shows
        'dayzero' | 'POST' | '/api/v1/oauth2/refresh'                 | '200'  | '"token_type":"Bearer"'
        'dayzero' | 'POST' | '/api/v1/oauth2/refresh'                 | '401'  | '"detail":"Not authenticated"'
        'dayzero' | 'POST' | '/api/v1/oauth2/refresh'                 | '401'  | '"detail":"Invalid or expired refresh token"'
        'dayzero' | 'POST' | '/api/v1/oauth2/refresh'                 | '422'  | '"type":"missing","loc":["header","x-business-id"],"msg":"Field required","input":null'
        'dayzero' | 'POST' | '/api/v1/oauth2/refresh'                 | '422'  | '"type":"uuid_parsing","loc":["header","x-business-id"],"msg":"Input should be a valid UUID'
        'dayzero' | 'POST' | '/api/v1/oauth2/refresh'                 | '500'  | '"detail":"Internal Server Error"'
        'onboard' | 'POST' | '/auth/oauth/refresh-token'              | '200'  | '"refreshToken":{'
        'onboard' | 'POST' | '/auth/oauth/refresh-token'              | '401'  | '"code":"AUTH_TOKEN_MISSING"'
        'onboard' | 'POST' | '/auth/oauth/refresh-token'              | '400'  | '"code":"MALFORMED_TOKEN"'
        'onboard' | 'POST' | '/auth/oauth/refresh-token'              | '401'  | '"code":"REFRESH_TOKEN_INVALID"'
        'onboard' | 'POST' | '/auth/oauth/refresh-token'              | '403'  | '"code":"REFRESH_TOKEN_REVOKED"'
        'onboard' | 'POST' | '/auth/oauth/refresh-token'              | '500'  | '"code":"UNKNOWN_ERROR"'
        'onboard' | 'POST' | '/auth/oauth/refresh-token'              | '500'  | '"correlationId"'
        'mielto'  | 'POST' | '/api/v1/oauth/refresh/{connection_id}'  | '200'  | '"status":"success"'
        'mielto'  | 'POST' | '/api/v1/oauth/refresh/{connection_id}'  | '401'  | '"detail":"Not authenticated"'
        'mielto'  | 'POST' | '/api/v1/oauth/refresh/{connection_id}'  | '404'  | '"detail":"Connection not found"'
        'mielto'  | 'POST' | '/api/v1/oauth/refresh/{connection_id}'  | '409'  | '"detail":"Connection requires re-authorization"'
        'mielto'  | 'POST' | '/api/v1/oauth/refresh/{connection_id}'  | '422'  | '"detail":[{'
        'mielto'  | 'POST' | '/api/v1/oauth/refresh/{connection_id}'  | '502'  | '"detail":"Upstream token endpoint failed"'
        'partner' | 'POST' | '/v1/auth/token'                         | '200'  | '"token_type":"Bearer"'
        'partner' | 'POST' | '/v1/auth/token'                         | '400'  | '{"error":"invalid_request","error_description":"Missing refresh token."}'
        'partner' | 'POST' | '/v1/auth/token'                         | '400'  | 'partnerId'
        'partner' | 'POST' | '/v1/auth/token'                         | '400'  | '"error":"unsupported_grant_type"'
        'partner' | 'POST' | '/v1/auth/token'                         | '400'  | '{"error":"invalid_grant","error_description":"Refresh token has expired or is invalid."}'
        'session' | 'POST' | '/session/token/refresh'                 | '200'  | '"code":0,"msg":""'
        'session' | 'POST' | '/session/token/refresh'                 | '400'  | '"data":null,"code":40001'
        'session' | 'POST' | '/session/token/refresh'                 | '401'  | '"data":null,"code":40101'
        'session' | 'POST' | '/session/token/refresh'                 | '500'  | '"data":null,"code":50000'
        'admin'   | 'POST' | '/admin/v1/grants'                       | '201'  | '"refresh_token"'
        'admin'   | 'POST' | '/admin/v1/grants'                       | '400'  | '"error":"invalid_request"'
        'admin'   | 'POST' | '/admin/v1/grants'                       | '401'  | '"error":"unauthorized"'
        'admin'   | 'POST' | '/admin/v1/grants'                       | '422'  | '"error":"validation_failed"'
        'admin'   | 'GET'  | '/admin/v1/grants/{grant_id}'            | '200'  | '"status":"revoked"'
        'admin'   | 'GET'  | '/admin/v1/grants/{grant_id}'            | '401'  | '"error":"unauthorized"'
        'admin'   | 'GET'  | '/admin/v1/grants/{grant_id}'            | '404'  | '"error":"not_found"'
        'admin'   | 'DELETE' | '/admin/v1/grants/{grant_id}'          | '401'  | '"error":"unauthorized"'
        'admin'   | 'DELETE' | '/admin/v1/grants/{grant_id}'          | '404'  | '"error":"not_found"'
        'admin'   | 'POST' | '/admin/v1/api-keys'                     | '201'  | '"api_key"'
        'admin'   | 'POST' | '/admin/v1/api-keys'                     | '401'  | '"error":"unauthorized"'
        'admin'   | 'POST' | '/admin/v1/api-keys'                     | '422'  | '"error":"validation_failed"'
        'admin'   | 'POST' | '/admin/v1/connections'                  | '201'  | '"status":"active"'
        'admin'   | 'POST' | '/admin/v1/connections'                  | '401'  | '"error":"unauthorized"'
        'admin'   | 'POST' | '/admin/v1/connections'                  | '422'  | '"error":"validation_failed"'
        'admin'   | 'GET'  | '/admin/v1/connections/{connection_id}'  | '200'  | '"connection_id"'
        'admin'   | 'GET'  | '/admin/v1/connections/{connection_id}'  | '401'  | '"error":"unauthorized"'
        'admin'   | 'GET'  | '/admin/v1/connections/{connection_id}'  | '404'  | '"error":"not_found"'
        'admin'   | 'POST' | '/admin/v1/clients'                      | '201'  | '"client_secret"'
        'admin'   | 'POST' | '/admin/v1/clients'                      | '401'  | '"error":"unauthorized"'
        'admin'   | 'DELETE' | '/admin/v1/api-keys/{api_key_id}'      | '401'  | '"error":"unauthorized"'
        'admin'   | 'DELETE' | '/admin/v1/api-keys/{api_key_id}'      | '404'  | '"error":"not_found"'
        'admin'   | 'DELETE' | '/admin/v1/clients/{client_id}'        | '401'  | '"error":"unauthorized"'
        'admin'   | 'DELETE' | '/admin/v1/clients/{client_id}'        | '404'  | '"error":"not_found"'
        'admin'   | 'DELETE' | '/admin/v1/connections/{connection_id}' | '401' | '"error":"unauthorized"'
        'admin'   | 'DELETE' | '/admin/v1/connections/{connection_id}' | '404' | '"error":"not_found"'
        'admin'   | 'DELETE' | '/admin/v1/subjects/{tenant}/{subject}/grants' | '200' | '"revoked":3'
        'admin'   | 'DELETE' | '/admin/v1/subjects/{tenant}/{subject}/grants' | '401' | '"error":"unauthorized"'
        'admin'   | 'POST' | '/admin/v1/keys/rotate'                  | '200'  | '"signs_from"'
        'admin'   | 'POST' | '/admin/v1/keys/rotate'                  | '401'  | '"error":"unauthorized"'
        'admin'   | 'POST' | '/admin/v1/retention/run'                | '200'  | '"refresh_tokens"'
        'admin'   | 'POST' | '/admin/v1/retention/run'                | '401'  | '"error":"unauthorized"'
        'oauth2'  | 'POST' | '/oauth2/token'                          | '200'  | '"token_type":"Bearer"'
        'oauth2'  | 'POST' | '/oauth2/token'                          | '400'  | '"error":"invalid_grant"'
        'oauth2'  | 'POST' | '/oauth2/token'                          | '400'  | '"error":"unsupported_grant_type"'
        'oauth2'  | 'POST' | '/oauth2/token'                          | '401'  | '"error":"invalid_client"'
        'oauth2'  | 'POST' | '/oauth2/revoke'                         | '401'  | '"error":"invalid_client"'
        'oauth2'  | 'POST' | '/oauth2/introspect'                     | '200'  | '{"active":false}'
        'oauth2'  | 'POST' | '/oauth2/introspect'                     | '401'  | '"error":"invalid_client"'
        'oauth2'  | 'GET'  | '/.well-known/oauth-authorization-server' | '200' | '"grant_types_supported":["refresh_token"]'
        'oauth2'  | 'GET'  | '/.well-known/jwks.json'                 | '200'  | '"kid"'
    }

    def "#contract #method #path documents #status without a body"() {
        when:
        def response = Contracts.response(contract, method, path, status)

        then:
        response != null
        response.content == null

        where:
        contract | method   | path                          | status
        'admin'  | 'DELETE' | '/admin/v1/grants/{grant_id}' | '204'
        'admin'  | 'DELETE' | '/admin/v1/api-keys/{api_key_id}' | '204'
        'admin'  | 'DELETE' | '/admin/v1/clients/{client_id}' | '204'
        'admin'  | 'DELETE' | '/admin/v1/connections/{connection_id}' | '204'
        'oauth2' | 'POST'   | '/oauth2/revoke'              | '200'
    }

    def "#contract #method #path declares the #header header on #status"() {
        when:
        def response = Contracts.response(contract, method, path, status)

        then:
        response.headers?.get(header)?.required

        where:
        contract  | method | path                        | status | header
        'dayzero' | 'POST' | '/api/v1/oauth2/refresh'    | '200'  | 'Cache-Control'
        'dayzero' | 'POST' | '/api/v1/oauth2/refresh'    | '200'  | 'Pragma'
        'dayzero' | 'POST' | '/api/v1/oauth2/refresh'    | '401'  | 'WWW-Authenticate'
        'onboard' | 'POST' | '/auth/oauth/refresh-token' | '200'  | 'Cache-Control'
        'onboard' | 'POST' | '/auth/oauth/refresh-token' | '200'  | 'Pragma'
        'partner' | 'POST' | '/v1/auth/token'            | '200'  | 'Cache-Control'
        'partner' | 'POST' | '/v1/auth/token'            | '200'  | 'Pragma'
        'session' | 'POST' | '/session/token/refresh'    | '200'  | 'Cache-Control'
        'session' | 'POST' | '/session/token/refresh'    | '200'  | 'Pragma'
        'session' | 'POST' | '/session/token/refresh'    | '400'  | 'X-Correlation-Id'
        'session' | 'POST' | '/session/token/refresh'    | '401'  | 'X-Correlation-Id'
        'session' | 'POST' | '/session/token/refresh'    | '500'  | 'X-Correlation-Id'
        'admin'   | 'POST' | '/admin/v1/grants'          | '201'  | 'Cache-Control'
        'admin'   | 'POST' | '/admin/v1/grants'          | '401'  | 'WWW-Authenticate'
        'oauth2'  | 'POST' | '/oauth2/token'             | '200'  | 'Cache-Control'
        'oauth2'  | 'POST' | '/oauth2/token'             | '200'  | 'Pragma'
        'oauth2'  | 'POST' | '/oauth2/token'             | '401'  | 'WWW-Authenticate'
    }
}

package rotor.conformance

import groovy.json.JsonException
import groovy.json.JsonSlurper

/** One request and its response as they crossed the wire, and what the contract's validator said of each. */
class Exchange {
    String contract
    String operationId
    String method
    String path
    String query
    Map<String, List<String>> requestHeaders = [:]
    String requestBody
    int status
    Map<String, List<String>> responseHeaders = [:]
    String responseBody
    List<String> requestProblems = []
    List<String> responseProblems = []

    /** The response body parsed as JSON (maps, lists, strings), or null when it is none. */
    Object getJson() {
        try {
            responseBody ? new JsonSlurper().parseText(responseBody) : null
        } catch (JsonException ignored) {
            null
        }
    }

    String header(String name) {
        responseHeaders.find { it.key.equalsIgnoreCase(name) }?.value?.first()
    }

    /** "dayzero refresh_token_api_v1_oauth2_refresh_post 200": what coverage counts this answer under. */
    String getAnswer() {
        "${contract} ${operationId} ${status}"
    }

    /** The exchange as a person reads it, with long values shortened and credentials masked. */
    String transcript() {
        def out = new StringBuilder()
        out << "${method} ${path}${query ? '?' + query : ''}\n"
        requestHeaders.each { name, values -> values.each { out << "${name}: ${Redaction.header(name, it)}\n" } }
        if (requestBody) {
            out << '\n' << Redaction.body(requestBody) << '\n'
        }
        out << "\n-> ${status}\n"
        responseHeaders.each { name, values -> values.each { out << "${name}: ${Redaction.shorten(it)}\n" } }
        if (responseBody) {
            out << '\n' << Redaction.body(responseBody) << '\n'
        }
        out.toString()
    }

    @Override
    String toString() {
        "${method} ${path} -> ${status} (${contract} ${operationId}) request: ${requestProblems ?: 'valid'}; response: ${responseProblems ?: 'valid'}"
    }
}

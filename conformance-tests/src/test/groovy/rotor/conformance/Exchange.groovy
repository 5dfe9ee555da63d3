package rotor.conformance

import groovy.json.JsonSlurper

/** One request and its response as they crossed the wire, and what the contract's validator said of each. */
class Exchange {
    String contract
    String operationId
    String method
    String path
    int status
    Map<String, List<String>> responseHeaders
    String responseBody
    List<String> requestProblems
    List<String> responseProblems

    /** The response body parsed as JSON (maps, lists, strings). */
    Object getJson() {
        responseBody ? new JsonSlurper().parseText(responseBody) : null
    }

    String header(String name) {
        responseHeaders.find { it.key.equalsIgnoreCase(name) }?.value?.first()
    }

    @Override
    String toString() {
        "${method} ${path} -> ${status} (${contract} ${operationId}) request: ${requestProblems ?: 'valid'}; response: ${responseProblems ?: 'valid'}"
    }
}

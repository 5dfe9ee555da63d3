package rotor.server.support

import groovy.json.JsonSlurper
import io.micronaut.core.type.Argument
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException

/**
 * What the server answered to a request, whatever its status: the specs of odd requests read an
 * error as they read a success. Any 5xx fails the spec on the spot, with the body that came with it.
 */
class Answer {
    final int status
    final String text
    final Object json
    final Map<String, String> headers

    private Answer(int status, String text, Object json, Map<String, String> headers) {
        this.status = status
        this.text = text
        this.json = json
        this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER) // HTTP field names are case-insensitive
        this.headers.putAll(headers)
    }

    static Answer to(HttpClient http, HttpRequest<?> request) {
        HttpResponse<String> response
        try {
            response = http.toBlocking().exchange(request, Argument.of(String), Argument.of(String))
        } catch (HttpClientResponseException e) {
            response = e.response as HttpResponse<String>
        }
        def text = response.getBody(String).orElse('')
        assert response.status.code < 500: text
        new Answer(response.status.code, text, text ? new JsonSlurper().parseText(text) : null,
                response.headers.asMap().collectEntries { k, v -> [k, v.first()] } as Map<String, String>)
    }
}

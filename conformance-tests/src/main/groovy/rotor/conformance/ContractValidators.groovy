package rotor.conformance

import com.atlassian.oai.validator.OpenApiInteractionValidator
import com.atlassian.oai.validator.model.Request
import com.atlassian.oai.validator.model.SimpleRequest
import com.atlassian.oai.validator.model.SimpleResponse
import com.atlassian.oai.validator.report.ValidationReport

import java.util.regex.Pattern

/**
 * The independent judge: swagger-request-validator, one per contract, built from the same
 * openapi/*.yaml the code was generated from. It knows which contract and operation a request is
 * for from the contracts' path templates.
 */
class ContractValidators {

    static class Route {
        final Contracts.Operation operation
        final Pattern pattern

        Route(Contracts.Operation operation) {
            this.operation = operation
            this.pattern = ~('^' + operation.path.replaceAll(/\{[^}]+}/, '[^/]+') + '$')
        }
    }

    private final Map<String, OpenApiInteractionValidator> validators = [:]
    private final List<Route> routes = []

    ContractValidators(Collection<String> contracts = Contracts.NAMES) {
        contracts.each { name ->
            validators[name] = OpenApiInteractionValidator.createForInlineApiSpecification(Contracts.text(name)).build()
            Contracts.operations(name).each { routes << new Route(it) }
        }
    }

    Route route(String method, String path) {
        routes.find { it.operation.method == method && path ==~ it.pattern }
    }

    List<String> requestProblems(Route route, String method, String path, String query, Map<String, List<String>> headers, String body) {
        def builder = new SimpleRequest.Builder(Request.Method.valueOf(method), path)
        headers.each { name, values -> builder.withHeader(name, values) }
        query?.split('&')?.findAll()?.each { pair ->
            def (k, v) = pair.split('=', 2) as List
            builder.withQueryParam(URLDecoder.decode(k, 'UTF-8'), URLDecoder.decode(v ?: '', 'UTF-8'))
        }
        if (body) {
            builder.withBody(body)
        }
        problems(validators[route.operation.contract].validateRequest(builder.build()))
    }

    List<String> responseProblems(Route route, String method, String path, int status, Map<String, List<String>> headers, String body) {
        def builder = SimpleResponse.Builder.status(status)
        headers.each { name, values -> builder.withHeader(name, values) }
        if (body) {
            builder.withBody(body)
        }
        problems(validators[route.operation.contract].validateResponse(path, Request.Method.valueOf(method), builder.build()))
    }

    private static List<String> problems(ValidationReport report) {
        report.messages.findAll { it.level == ValidationReport.Level.ERROR }.collect { message ->
            def detail = message.additionalInfo ? " (${message.additionalInfo.join('; ')})" : ''
            "${message.key}: ${message.message}${detail}".toString()
        }
    }
}

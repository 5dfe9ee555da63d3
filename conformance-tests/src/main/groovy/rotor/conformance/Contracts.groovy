package rotor.conformance

import groovy.transform.Memoized
import io.swagger.v3.core.util.Json
import io.swagger.v3.oas.models.OpenAPI
import io.swagger.v3.oas.models.PathItem
import io.swagger.v3.oas.models.responses.ApiResponse
import io.swagger.v3.parser.OpenAPIV3Parser
import io.swagger.v3.parser.core.models.ParseOptions
import io.swagger.v3.parser.core.models.SwaggerParseResult

/** The contracts as swagger-parser reads them (from openapi/ on the classpath): a reader independent of both code generators. */
class Contracts {

    static final List<String> NAMES = ['dayzero', 'onboard', 'mielto', 'partner', 'session', 'admin', 'oauth2']

    @Memoized
    static String text(String name) {
        def text = Contracts.classLoader.getResource("openapi/${name}.yaml")?.getText('UTF-8')
        if (text == null) {
            throw new IllegalStateException("openapi/${name}.yaml is not on the classpath")
        }
        text
    }

    @Memoized
    static SwaggerParseResult parse(String name) {
        def options = new ParseOptions(resolve: true, resolveFully: true)
        new OpenAPIV3Parser().readContents(text(name), null, options)
    }

    static OpenAPI openApi(String name) {
        parse(name).openAPI
    }

    /** Every operation of a contract, in the document's order. */
    @Memoized
    static List<Operation> operations(String name) {
        openApi(name).paths.collectMany { String path, PathItem item ->
            item.readOperationsMap().collect { method, op -> new Operation(name, method.name(), path, op) }
        }
    }

    static ApiResponse response(String contract, String method, String path, String status) {
        def item = openApi(contract).paths?.get(path)
        assert item != null: "${contract} has no path ${path}"
        def operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method))
        assert operation != null: "${contract} has no ${method} ${path}"
        operation.responses?.get(status)
    }

    /** Every example of a response, as JSON text. */
    static List<String> examples(ApiResponse response) {
        response.content?.values()?.collectMany { media ->
            def values = []
            if (media.example != null) {
                values << media.example
            }
            media.examples?.values()?.each { values << it.value }
            values.collect { Json.mapper().writeValueAsString(it) }
        } ?: []
    }

    /** One operation of one contract: what coverage is counted by. */
    static class Operation {
        final String contract
        final String method
        final String path
        final io.swagger.v3.oas.models.Operation definition

        Operation(String contract, String method, String path, io.swagger.v3.oas.models.Operation definition) {
            this.contract = contract
            this.method = method
            this.path = path
            this.definition = definition
        }

        String getOperationId() {
            definition.operationId
        }

        /** The documented statuses, in order. */
        List<String> getStatuses() {
            definition.responses.keySet().sort()
        }

        @Override
        String toString() {
            "${contract} ${operationId}"
        }
    }
}

package rotor.conformance

import groovy.transform.Memoized
import io.swagger.v3.core.util.Json
import io.swagger.v3.oas.models.OpenAPI
import io.swagger.v3.oas.models.PathItem
import io.swagger.v3.oas.models.responses.ApiResponse
import io.swagger.v3.parser.OpenAPIV3Parser
import io.swagger.v3.parser.core.models.ParseOptions
import io.swagger.v3.parser.core.models.SwaggerParseResult

/** The contracts as swagger-parser reads them: a reader independent of both code generators. */
class Contracts {

    @Memoized
    static SwaggerParseResult parse(String name) {
        def text = Contracts.classLoader.getResource("openapi/${name}.yaml")?.getText('UTF-8')
        assert text != null: "openapi/${name}.yaml is not on the classpath"
        def options = new ParseOptions(resolve: true, resolveFully: true)
        new OpenAPIV3Parser().readContents(text, null, options)
    }

    static OpenAPI openApi(String name) {
        parse(name).openAPI
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
}

package rotor.contracts

import groovy.transform.Memoized
import org.yaml.snakeyaml.LoaderOptions
import org.yaml.snakeyaml.Yaml

/**
 * One OpenAPI contract of openapi/, read from the classpath (the client jar ships them under
 * openapi/). Tests walk the document itself, so a new operation or example is covered without
 * touching the tests.
 */
class Contract {

    static final List<String> NAMES = ['dayzero', 'onboard', 'mielto', 'partner', 'session', 'admin', 'oauth2']

    private static final Set<String> HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as Set

    final String name
    final Map document

    private Contract(String name, Map document) {
        this.name = name
        this.document = document
    }

    @Memoized
    static Contract named(String name) {
        def resource = Contract.classLoader.getResourceAsStream("openapi/${name}.yaml")
        assert resource != null: "openapi/${name}.yaml is not on the classpath"
        resource.withCloseable {
            // Date-times stay strings, as they are on the wire.
            def yaml = new Yaml(new LoaderOptions())
            new Contract(name, yaml.load(new InputStreamReader(it, 'UTF-8')) as Map)
        }
    }

    static List<Contract> all() {
        NAMES.collect { named(it) }
    }

    List<Operation> operations() {
        (document.paths as Map<String, Map>).collectMany { String path, Map item ->
            item.findAll { it.key in HTTP_METHODS }.collect { String method, Map op ->
                new Operation(this, path, method.toUpperCase(), op)
            }
        }
    }

    /** Follows a local `$ref` (`#/components/...`) until it reaches the object itself. */
    Map resolve(Map node) {
        while (node?.'$ref') {
            def ref = node.'$ref' as String
            assert ref.startsWith('#/'): "only local references are expected, got ${ref}"
            node = ref.substring(2).split('/').inject(document) { Map at, String key -> at[key] as Map }
        }
        node
    }

    /** The component schema name a `$ref` points at, or null for an inline schema. */
    static String schemaName(Map schema) {
        def ref = schema?.'$ref' as String
        ref?.startsWith('#/components/schemas/') ? ref.substring('#/components/schemas/'.length()) : null
    }

    /** Every example of every request and response body that names a component schema. */
    List<Example> examples() {
        operations().collectMany { Operation op ->
            def bodies = []
            def request = resolve(op.definition.requestBody as Map)
            if (request) {
                bodies << ["${op.operationId} request".toString(), request]
            }
            op.responses().each { String status, Map response -> bodies << ["${op.operationId} ${status}".toString(), response] }
            bodies.collectMany { String where, Map body ->
                (body.content as Map<String, Map>)?.collectMany { String mediaType, Map media ->
                    def schema = schemaName(media.schema as Map)
                    if (!schema) {
                        return []
                    }
                    def values = media.containsKey('example') ? [example: media.example] :
                            (media.examples as Map<String, Map>)?.collectEntries { k, v -> [k, resolve(v).value] } ?: [:]
                    values.collect { String key, Object value -> new Example(where, mediaType, schema, key, value) }
                } ?: []
            }
        }
    }

    @Override
    String toString() {
        name
    }

    static class Operation {
        final Contract contract
        final String path
        final String method
        final Map definition

        Operation(Contract contract, String path, String method, Map definition) {
            this.contract = contract
            this.path = path
            this.method = method
            this.definition = definition
        }

        String getOperationId() {
            definition.operationId
        }

        /** Responses by status, with `$ref`s resolved. */
        Map<String, Map> responses() {
            (definition.responses as Map<String, Map>).collectEntries { status, response ->
                [status as String, contract.resolve(response)]
            }
        }

        @Override
        String toString() {
            "${contract.name} ${method} ${path}"
        }
    }

    static class Example {
        final String where
        final String mediaType
        final String schema
        final String name
        final Object value

        Example(String where, String mediaType, String schema, String name, Object value) {
            this.where = where
            this.mediaType = mediaType
            this.schema = schema
            this.name = name
            this.value = value
        }

        @Override
        String toString() {
            "${where} ${name} (${schema})"
        }
    }
}

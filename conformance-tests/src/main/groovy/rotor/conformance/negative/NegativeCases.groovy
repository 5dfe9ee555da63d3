package rotor.conformance.negative

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import groovy.json.JsonOutput
import io.swagger.v3.oas.models.OpenAPI
import io.swagger.v3.oas.models.media.Schema
import io.swagger.v3.oas.models.parameters.Parameter
import io.swagger.v3.oas.models.security.SecurityScheme
import rotor.conformance.Check
import rotor.conformance.CheckContext
import rotor.conformance.ContractChecks
import rotor.conformance.Contracts
import rotor.conformance.negative.NegativeCase.Kind

import java.nio.charset.StandardCharsets

/**
 * Requests each operation's spec says are wrong, generated from the spec itself: each required
 * header, query parameter or body field missing; each of the wrong type or format; oversized
 * values; the wrong media type. Every answer must be a status the operation documents, with a
 * body that validates, and never a 5xx; where the contract pins the answer to a fault (the
 * contract's {@link ContractChecks#pinned}), it must be that answer. Each case is the spec's own
 * example request with one thing wrong, so that the answer is to that one fault. The values come
 * from the run's seed, so a run repeats.
 */
class NegativeCases {

    private static final int OVERSIZED = 10_000
    /**
     * Under the 8 KiB header limit common to HTTP servers, so that the case reaches the operation's
     * validation. Over it, a server may refuse the request and close the connection while the client
     * still sends the body, and the TCP reset can destroy the answer before it is read: a transport
     * race, not a contract answer (each contract's checks cover a header over the size limit).
     */
    private static final int OVERSIZED_HEADER = 4_000

    /**
     * What a case of each scheme needs to be judged: the credential it fills in from the run's.
     * Without it the request is refused at authentication before its fault is looked at, so the
     * case is not run (but the case without the credential header at all always is).
     */
    private static final Map<String, List<String>> NEEDS = [adminToken       : [Check.ADMIN],
                                                             DualAuthScheme   : ['mielto.api-key'],
                                                             clientSecretBasic: ['oauth2.client-id', 'oauth2.client-secret']]

    final String contract
    private final OpenAPI api
    private final Random random
    private final ContractChecks checks

    NegativeCases(String contract, long seed) {
        this.contract = contract
        this.api = Contracts.openApi(contract)
        this.random = new Random(seed ^ contract.hashCode())
        this.checks = ContractChecks.all()[contract]
    }

    List<Check> checks() {
        Contracts.operations(contract).collectMany { op -> casesOf(op) }
    }

    private List<Check> casesOf(Contracts.Operation op) {
        def base = baseRequest(op)
        def cases = []
        def named = { Kind kind, String field, String what, Closure<Void> mutation ->
            def request = base.copy()
            mutation(request)
            cases << negative(op, new NegativeCase(kind, op.operationId, field), what, request)
        }
        base.requiredHeaders.each { name ->
            named(Kind.MISSING_HEADER, name, "without the required header ${name}") { NegativeRequest r -> r.headers.remove(name) }
        }
        base.headerSchemas.each { name, schema ->
            def wrong = wrongValue(schema)
            if (wrong != null) named(Kind.WRONG_HEADER, name, "header ${name} of the wrong type or format (${wrong})") { NegativeRequest r -> r.headers[name] = wrong }
            named(Kind.OVERSIZED_HEADER, name, "header ${name} oversized (${OVERSIZED_HEADER} characters)") { NegativeRequest r -> r.headers[name] = 'x' * OVERSIZED_HEADER }
        }
        base.querySchemas.each { name, schema ->
            if (name in base.requiredQuery) named(Kind.MISSING_QUERY, name, "without the required query parameter ${name}") { NegativeRequest r -> r.query.remove(name) }
            def wrong = wrongValue(schema)
            if (wrong != null) named(Kind.WRONG_QUERY, name, "query parameter ${name} of the wrong type or format (${wrong})") { NegativeRequest r -> r.query[name] = wrong }
        }
        base.pathSchemas.each { name, schema ->
            def wrong = wrongValue(schema)
            if (wrong != null) named(Kind.WRONG_PATH, name, "path parameter ${name} of the wrong type or format (${wrong})") { NegativeRequest r -> r.pathValues[name] = wrong }
            named(Kind.OVERSIZED_PATH, name, "path parameter ${name} oversized (${OVERSIZED / 10} characters)") { NegativeRequest r -> r.pathValues[name] = 'p' * (OVERSIZED / 10) }
        }
        if (base.bodySchema != null) {
            def properties = base.bodySchema.properties ?: [:]
            (base.bodySchema.required ?: []).each { field ->
                named(Kind.MISSING_FIELD, field, "body without the required field ${field}") { NegativeRequest r -> r.body.remove(field) }
            }
            properties.each { String field, Schema schema ->
                def wrong = wrongJsonType(schema)
                if (base.form) {
                    if (schema.enum) named(Kind.NOT_ONE_OF, field, "body field ${field} not one of its values") { NegativeRequest r -> r.body[field] = 'not-' + word(6) }
                } else {
                    named(Kind.WRONG_JSON_TYPE, field, "body field ${field} of the wrong JSON type (${JsonOutput.toJson(wrong)})") { NegativeRequest r -> r.body[field] = wrong }
                }
                if (schemaType(schema) == 'string') {
                    named(Kind.OVERSIZED_FIELD, field, "body field ${field} oversized (${OVERSIZED} characters)") { NegativeRequest r -> r.body[field] = 'v' * OVERSIZED }
                }
            }
            named(Kind.WRONG_MEDIA_TYPE, null, "a body of the wrong media type (text/plain)") { NegativeRequest r -> r.mediaType = 'text/plain' }
            if (!base.form) {
                named(Kind.NOT_AN_OBJECT, null, 'a body that is a JSON array, not an object') { NegativeRequest r -> r.rawBody = '[]' }
                named(Kind.NOT_ONE_VALUE, null, 'a body with a second JSON value after it') { NegativeRequest r -> r.rawBody = JsonOutput.toJson(r.body) + ' {}' }
            }
        }
        cases
    }

    private Check negative(Contracts.Operation op, NegativeCase fault, String what, NegativeRequest request) {
        def pinned = checks.pinned(fault)
        def needs = fault.is(Kind.MISSING_HEADER, request.credentialHeader) ? [] : (NEEDS[request.security] ?: [])
        new Check(contract, "negative: ${op.operationId} ${what}" + (pinned ? ": ${pinned.description}" : ''), needs, { ->
            CheckContext context = delegate
            def x = request.send(context, credentialFor(context, request.security))
            assert x.status < 500: "${x.answer}: a request the contract forbids (${what}) got a server error"
            context.answersConform(x)
            pinned?.judge(x)
        }, true)
    }

    /** A credential that gets the request past authentication where the run has one to spare; never a refresh token (that would spend it). */
    private static String credentialFor(CheckContext context, String scheme) {
        def c = context.credentials
        switch (scheme) {
            case 'adminToken': return c.adminToken()
            case 'DualAuthScheme': return c.missing(['mielto.api-key']) ? null : c.mieltoApiKey()
            case 'clientSecretBasic':
                if (c.missing(['oauth2.client-id', 'oauth2.client-secret'])) return null
                def client = c.oauth2Client()
                return "${client.id}:${client.secret}".bytes.encodeBase64().toString()
            default: return null
        }
    }

    private NegativeRequest baseRequest(Contracts.Operation op) {
        def request = new NegativeRequest(method: op.method, pathTemplate: op.path)
        def parameters = (op.definition.parameters ?: []) as List<Parameter>
        parameters.each { p ->
            def value = p.example != null ? p.example as String : validValue(p.schema)
            switch (p.in) {
                case 'header':
                    request.headerSchemas[p.name] = p.schema
                    request.headers[p.name] = value
                    if (p.required) request.requiredHeaders << p.name
                    break
                case 'query':
                    request.querySchemas[p.name] = p.schema
                    if (p.required) {
                        request.requiredQuery << p.name
                        request.query[p.name] = value
                    }
                    break
                case 'path':
                    request.pathSchemas[p.name] = p.schema
                    request.pathValues[p.name] = value
                    break
            }
        }
        security(op, request)
        def content = op.definition.requestBody?.content
        if (content) {
            def mediaType = content.keySet().first()
            request.mediaType = mediaType
            request.form = mediaType == 'application/x-www-form-urlencoded'
            request.bodySchema = content[mediaType].schema
            request.body = example(content[mediaType]) ?: [:]
            (request.bodySchema.required ?: []).each { field ->
                if (!request.body.containsKey(field)) {
                    request.body[field] = validValue(request.bodySchema.properties[field] as Schema)
                }
            }
        }
        request
    }

    /** The operation's (or the document's) security: its header, with a placeholder the check replaces when it has a credential. */
    private void security(Contracts.Operation op, NegativeRequest request) {
        def requirements = op.definition.security != null ? op.definition.security : (api.security ?: [])
        def names = requirements.collectMany { it.keySet() as List }
        if (!names) {
            return
        }
        def name = names.first()
        SecurityScheme scheme = api.components.securitySchemes[name]
        request.security = name
        def optional = requirements.any { it.isEmpty() }
        if (scheme.type == SecurityScheme.Type.APIKEY && scheme.in == SecurityScheme.In.HEADER) {
            request.headers[scheme.name] = 'rtr_' + word(43)
            request.credentialHeader = scheme.name
            request.credentialPrefix = ''
            if (!optional) request.requiredHeaders << scheme.name
        } else if (scheme.type == SecurityScheme.Type.HTTP) {
            def basic = scheme.scheme.equalsIgnoreCase('basic')
            request.credentialPrefix = basic ? 'Basic ' : 'Bearer '
            request.headers['Authorization'] = request.credentialPrefix + (basic ? "${word(8)}:${word(16)}".bytes.encodeBase64().toString() : 'rtr_' + word(43))
            request.credentialHeader = 'Authorization'
            if (!optional) request.requiredHeaders << 'Authorization'
        }
    }

    /** The media type's example body (its `example`, or its first `examples` entry), when it is a JSON object. */
    private static Map<String, Object> example(io.swagger.v3.oas.models.media.MediaType mediaType) {
        def value = mediaType.example != null ? mediaType.example : mediaType.examples?.values()?.find { it.value != null }?.value
        if (value instanceof JsonNode) {
            value = new ObjectMapper().convertValue(value, Object)
        }
        value instanceof Map ? new LinkedHashMap<String, Object>(value as Map) : null
    }

    private Object validValue(Schema schema) {
        if (schema == null) return word(8)
        if (schema.example != null && !(schema.example instanceof Map || schema.example instanceof List)) return schema.example as String
        if (schema.enum) return schema.enum.first() as String
        switch (schemaType(schema)) {
            case 'integer': return (schema.minimum ?: 1) as String
            case 'number': return '1'
            case 'boolean': return 'true'
            default:
                switch (schema.format) {
                    case 'uuid': return new UUID(random.nextLong(), random.nextLong()).toString()
                    case 'uri': return "https://${word(8).toLowerCase()}.example/token".toString()
                    case 'date-time': return '2026-01-01T00:00:00Z'
                    default: return word(Math.max(1, Math.min(12, (schema.maxLength ?: 12) as int)))
                }
        }
    }

    /** A value of the wrong type or format for a string-carried parameter, or null when every string is acceptable. */
    private String wrongValue(Schema schema) {
        if (schema == null) return null
        if (schema.enum) return 'not-' + word(6)
        switch (schemaType(schema)) {
            case 'integer': case 'number': return 'not-a-number'
            case 'boolean': return 'not-a-boolean'
        }
        schema.format == 'uuid' ? 'not-a-uuid' : null
    }

    private Object wrongJsonType(Schema schema) {
        switch (schemaType(schema)) {
            case 'string': return random.nextInt(100_000)
            case 'integer': case 'number': return word(6)
            case 'boolean': return word(4)
            case 'array': return [nope: word(4)]
            default: return [word(4)]
        }
    }

    private static String schemaType(Schema schema) {
        schema?.type ?: (schema?.types ? schema.types.find { it != 'null' } : null) ?: (schema?.anyOf ? schemaType(schema.anyOf.find { it.type != 'null' } as Schema) : null)
    }

    private String word(int length) {
        def alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
        (1..length).collect { alphabet[random.nextInt(alphabet.length())] }.join()
    }

    /** One generated request, before the check fills in a credential. */
    static class NegativeRequest {
        String method
        String pathTemplate
        Map<String, String> pathValues = [:]
        Map<String, Schema> pathSchemas = [:]
        Map<String, String> headers = [:]
        Map<String, Schema> headerSchemas = [:]
        List<String> requiredHeaders = []
        Map<String, String> query = [:]
        Map<String, Schema> querySchemas = [:]
        List<String> requiredQuery = []
        String mediaType
        boolean form
        Schema bodySchema
        Map<String, Object> body
        String rawBody
        String security
        String credentialHeader
        String credentialPrefix

        NegativeRequest copy() {
            new NegativeRequest(method: method, pathTemplate: pathTemplate, pathValues: new LinkedHashMap<>(pathValues), pathSchemas: pathSchemas,
                    headers: new LinkedHashMap<>(headers), headerSchemas: headerSchemas, requiredHeaders: requiredHeaders,
                    query: new LinkedHashMap<>(query), querySchemas: querySchemas, requiredQuery: requiredQuery, mediaType: mediaType, form: form,
                    bodySchema: bodySchema, body: body == null ? null : new LinkedHashMap<>(body), rawBody: rawBody, security: security,
                    credentialHeader: credentialHeader, credentialPrefix: credentialPrefix)
        }

        def send(CheckContext context, String credential) {
            def sent = new LinkedHashMap<String, String>(headers)
            if (credential != null && credentialHeader != null && sent.containsKey(credentialHeader) && sent[credentialHeader]?.length() < 1000) {
                sent[credentialHeader] = credentialPrefix + credential
            }
            def path = pathTemplate.replaceAll(/\{([^}]+)}/) { all, String name -> URLEncoder.encode(pathValues[name], StandardCharsets.UTF_8) }
            def queryString = query ? query.collect { k, v -> URLEncoder.encode(k, StandardCharsets.UTF_8) + '=' + URLEncoder.encode(v, StandardCharsets.UTF_8) }.join('&') : null
            String text = null
            if (body != null || rawBody != null) {
                sent['Content-Type'] = mediaType
                text = rawBody ?: (form ? body.collect { k, v -> k + '=' + URLEncoder.encode(v as String, StandardCharsets.UTF_8) }.join('&') : JsonOutput.toJson(body))
            }
            context.wire.send(method, path, queryString, sent, text)
        }
    }
}

package rotor.conformance

import groovy.transform.Memoized
import io.micronaut.context.ApplicationContext
import io.micronaut.http.client.exceptions.HttpClientResponseException
import rotor.client.micronaut.Credential
import spock.lang.Specification

/**
 * Base of the conformance specifications: the generated Micronaut clients talk to the target
 * through the validating proxy, so every exchange is judged against its contract.
 */
abstract class ConformanceSpecification extends Specification {

    static final List<String> SERVICES = ['dayzero', 'onboard', 'mielto', 'partner', 'session', 'admin', 'oauth2']

    @Memoized
    static ValidatingProxy proxy() {
        def proxy = new ValidatingProxy(ConformanceTarget.get().baseUrl, new ContractValidators())
        Runtime.runtime.addShutdownHook(new Thread({ proxy.close() }))
        proxy
    }

    /**
     * A context for the generated clients. The server module is on this classpath (for the
     * embedded target), so the context also holds its beans: they get a throw-away in-memory store
     * and are never started as a server.
     */
    @Memoized
    static ApplicationContext clients() {
        def context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties(SERVICES.collectEntries { ["micronaut.http.services.${it}.url".toString(), proxy().url] } + [
                        'datasources.default.url': "jdbc:h2:mem:conformance-clients-${UUID.randomUUID()};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1".toString(),
                        'rotor.data-dir'         : 'target/conformance-clients',
                        'rotor.admin.token'      : 'unused-by-the-client-context',
                ])
                .start()
        Runtime.runtime.addShutdownHook(new Thread({ context.close() }))
        context
    }

    static <T> T client(Class<T> type) {
        clients().getBean(type)
    }

    /**
     * Runs one client call and returns the exchange it made, validated. A 4xx/5xx the client
     * throws for is part of the exchange, not a failure of the call.
     */
    static Exchange call(Closure<?> clientCall) {
        def before = proxy().exchanges.size()
        try {
            clientCall()
        } catch (HttpClientResponseException ignored) {
            // the exchange holds the answer
        } catch (Exception jdkClientApiException) {
            // the JDK clients' ApiException: the exchange holds the answer
            assert jdkClientApiException.class.simpleName == 'ApiException': jdkClientApiException
        }
        assert proxy().exchanges.size() == before + 1: 'the call made no exchange (or more than one)'
        proxy().exchanges.last()
    }

    static Exchange call(Credential credential, Closure<?> clientCall) {
        def scope = credential.open()
        try {
            call(clientCall)
        } finally {
            scope.close()
        }
    }

    /**
     * A framework-free (JDK HttpClient) generated client of a contract, pointed at the proxy. These
     * do no client-side validation, and their request interceptor can send what a contract forbids:
     * the suite uses them only for requests that must be invalid.
     */
    static <T> T jdkClient(Class<T> api, Map<String, String> headers = [:], String replacementBody = null, String replacementQuery = null) {
        def contract = api.package.name.tokenize('.').last()
        def apiClient = Class.forName("rotor.client.jdk.${contract}.invoker.ApiClient").getConstructor().newInstance()
        apiClient.updateBaseUri(proxy().url)
        apiClient.setRequestInterceptor({ java.net.http.HttpRequest.Builder builder ->
            headers.each { name, value -> builder.setHeader(name, value) }
            if (replacementBody != null) {
                builder.POST(java.net.http.HttpRequest.BodyPublishers.ofString(replacementBody))
            }
            if (replacementQuery != null) {
                def uri = builder.copy().build().uri()
                builder.uri(new URI(uri.scheme, uri.authority, uri.path, replacementQuery, null))
            }
        } as java.util.function.Consumer)
        api.getConstructor(apiClient.getClass()).newInstance(apiClient)
    }

    static <T> T asAdmin(Closure<T> clientCall) {
        def scope = Credential.bearer(ConformanceTarget.get().adminToken).open()
        try {
            clientCall()
        } finally {
            scope.close()
        }
    }

    /** Every request the suite means to be valid, and every response, conform to the contract. */
    static boolean conforms(Exchange exchange) {
        assert exchange.requestProblems == []: exchange.toString()
        assert exchange.responseProblems == []: exchange.toString()
        true
    }

    /** For requests that break the contract on purpose: the answer must still be a documented one. */
    static boolean answersConform(Exchange exchange) {
        assert exchange.responseProblems == []: exchange.toString()
        true
    }
}

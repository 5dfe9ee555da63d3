package rotor.client.support

import java.time.Duration

/** A contract's generated JDK API class pointed at a server, with bounded timeouts. */
class Apis {

    static <T> T jdk(Class<T> api, String baseUrl) {
        def invoker = Class.forName(api.package.name + '.invoker.ApiClient').getConstructor().newInstance()
        invoker.updateBaseUri(baseUrl)
        invoker.setConnectTimeout(Duration.ofSeconds(5))
        invoker.setReadTimeout(Duration.ofSeconds(10))
        api.getConstructor(invoker.getClass()).newInstance(invoker)
    }
}

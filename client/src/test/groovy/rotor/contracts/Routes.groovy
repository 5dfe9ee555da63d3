package rotor.contracts

import io.micronaut.http.annotation.Delete
import io.micronaut.http.annotation.Get
import io.micronaut.http.annotation.Patch
import io.micronaut.http.annotation.Post
import io.micronaut.http.annotation.Put

/** Reads the routes a generated Micronaut interface (controller or client) declares. */
class Routes {

    private static final Map<Class, String> MAPPINGS = [(Get): 'GET', (Post): 'POST', (Put): 'PUT', (Delete): 'DELETE', (Patch): 'PATCH']

    /** "METHOD /path" for every annotated method of every class. */
    static Set<String> declaredBy(Collection<Class> classes) {
        classes.collectMany { Class type ->
            type.methods.collectMany { method ->
                MAPPINGS.findResults { annotation, verb ->
                    def mapping = method.getAnnotation(annotation)
                    mapping ? "${verb} ${mapping.value()}".toString() : null
                }
            }
        } as Set
    }

    /** The top-level classes of a package, found in the directory or jar that holds it. */
    static List<Class> classesIn(String packageName) {
        def loader = Routes.classLoader
        def dir = packageName.replace('.', '/')
        def url = loader.getResource(dir)
        assert url != null: "package ${packageName} is not on the classpath"
        def names
        if (url.protocol == 'jar') {
            def jar = (url.openConnection() as java.net.JarURLConnection).jarFile
            names = jar.entries().toList()*.name.findAll { it.startsWith(dir + '/') && it.endsWith('.class') && !it.substring(dir.length() + 1).contains('/') }
                    .collect { it.substring(dir.length() + 1) }
        } else {
            names = new File(url.toURI()).list().findAll { it.endsWith('.class') }
        }
        names.findAll { !it.contains('$') }.collect { loader.loadClass("${packageName}.${it - '.class'}") }
    }
}

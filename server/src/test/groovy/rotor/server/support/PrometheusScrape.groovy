package rotor.server.support

/** One read of /prometheus: each sample by its metric name and labels. */
class PrometheusScrape {

    static final String CONTENT_TYPE_PREFIX = 'text/plain'

    private static final def SAMPLE = ~/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/
    private static final def LABEL = ~/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/

    record Sample(String name, Map<String, String> labels, double value) {
    }

    final List<Sample> samples

    PrometheusScrape(String text) {
        samples = text.readLines().findAll { it && !it.startsWith('#') }.collect { line ->
            def m = SAMPLE.matcher(line)
            assert m.matches(): "not a Prometheus sample line: $line"
            def labels = [:]
            if (m.group(2)) {
                def l = LABEL.matcher(m.group(2))
                while (l.find()) {
                    labels[l.group(1)] = l.group(2)
                }
            }
            new Sample(m.group(1), labels, Double.parseDouble(m.group(3)))
        }
    }

    /** The value of the sample with this name and these labels (among others); 0 when there is none yet. */
    double value(String name, Map<String, String> labels = [:]) {
        def found = samples.findAll { it.name == name && it.labels.entrySet().containsAll(labels.entrySet()) }
        assert found.size() <= 1: "$name $labels matches ${found.size()} samples"
        found ? found[0].value : 0d
    }

    @Override
    String toString() {
        "a scrape of ${samples.size()} samples"
    }

    boolean has(String name) {
        samples.any { it.name == name }
    }

    Set<String> labelValues() {
        samples.collectMany { it.labels.values() } as Set
    }
}

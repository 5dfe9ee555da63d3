package rotor.server.support

/** A failure and its causes, outermost first (at most 16, whatever cycle a library made): what a failed start's message is looked for in. */
final class Causes {

    private Causes() {
    }

    static List<Throwable> of(Throwable failure) {
        def all = []
        for (def cause = failure; cause != null && all.size() < 16 && !all.contains(cause); cause = cause.cause) {
            all << cause
        }
        all
    }
}

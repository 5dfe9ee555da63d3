package rotor.server.support

import ch.qos.logback.classic.Level
import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.core.read.ListAppender
import org.slf4j.LoggerFactory

/**
 * Everything logged while it is open, formatted as the server logs it, stack traces included;
 * rotor's own loggers at every level, down to TRACE.
 */
class CapturedLog implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>()
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
    private final Logger rotor = (Logger) LoggerFactory.getLogger('rotor')
    private final Level rotorLevel = rotor.level
    private final Map<Logger, Level> raised = [:]

    /** @param infoLoggers loggers (such as org.flywaydb) to capture down to INFO while open, whatever the test configuration's level */
    CapturedLog(String... infoLoggers) {
        appender.start()
        root.addAppender(appender)
        rotor.level = Level.TRACE
        infoLoggers.each { name ->
            def logger = (Logger) LoggerFactory.getLogger(name)
            raised[logger] = logger.level
            logger.level = Level.INFO
        }
    }

    List<String> lines(String loggerName = null) {
        format(appender.list.findAll { loggerName == null || it.loggerName == loggerName })
    }

    /** The MDC of each line a logger wrote, in order: what a JSON line carries as "mdc". */
    List<Map<String, String>> mdcs(String loggerName) {
        appender.list.findAll { it.loggerName == loggerName }*.MDCPropertyMap
    }

    /** What the loggers in a package and its subpackages logged. */
    List<String> linesUnder(String packageName) {
        format(appender.list.findAll { it.loggerName.startsWith(packageName + '.') })
    }

    private static List<String> format(List<ILoggingEvent> events) {
        events.collect { event ->
            def proxy = event.throwableProxy
            def trace = []
            while (proxy != null) {
                trace << proxy.className + ': ' + proxy.message
                trace.addAll(proxy.stackTraceElementProxyArray*.toString())
                proxy = proxy.cause
            }
            ([event.formattedMessage] + trace).join('\n')
        }
    }

    @Override
    void close() {
        root.detachAppender(appender)
        rotor.level = rotorLevel
        raised.each { logger, level -> logger.level = level }
    }
}

package rotor.server.ops.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.hook.DefaultShutdownHook;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Optional;

/**
 * rotor's logging: every line to the console at INFO and above, as text or, with ROTOR_LOG_FORMAT=json
 * (environment or -D system property), one JSON object a line.
 *
 * <p>Lines reach the console through a queue and a thread of their own: a console nobody reads (a
 * stalled log shipper leaves the pipe full) makes a write wait, and that wait must never be a
 * request's, least of all an event loop's. When the queue is 80% full INFO lines are dropped and
 * warnings kept; when it is full every line is. At exit the queue is written out, for at most
 * {@link #FLUSH_AT_EXIT_MILLIS}.
 *
 * <p>Set up in code, found by Logback through META-INF/services: parsing a logback.xml with Joran
 * took about a tenth of the server's start on JDK 17. A logback.xml or logback-test.xml on the class
 * path, or -Dlogback.configurationFile, still wins, as Logback's own order has it.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public class ConsoleLogging extends ContextAwareBase implements Configurator {

    private static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %X{request_id} %logger{36} - %msg%n";

    /** About a megabyte of lines: seconds of a busy server's request log. */
    private static final int QUEUED_LINES = 8192;
    private static final int FLUSH_AT_EXIT_MILLIS = 2000;

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || getClass().getClassLoader().getResource("logback-test.xml") != null
                || getClass().getClassLoader().getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder("json".equals(format()) ? json(context) : text(context));
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(queued(context, console));
        flushAtExit(context);
        unknownFormat(format()).ifPresent(warning -> context.getLogger(ConsoleLogging.class).warn(warning));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The queue in front of the console; package-visible for ConsoleQueueNeverWaitsSpec, which stalls a console of its own. */
    static AsyncAppender queued(LoggerContext context, Appender<ILoggingEvent> console) {
        AsyncAppender queue = new AsyncAppender();
        queue.setContext(context);
        queue.setName("CONSOLE_QUEUE");
        queue.setQueueSize(QUEUED_LINES);
        queue.setNeverBlock(true); // a full queue drops the line; Logback's default would make the caller wait
        queue.setMaxFlushTime(FLUSH_AT_EXIT_MILLIS);
        queue.addAppender(console);
        queue.start();
        return queue;
    }

    /** Stopping the context writes out the queue; the JVM runs this hook on exit, whatever the cause. */
    private static void flushAtExit(LoggerContext context) {
        DefaultShutdownHook flush = new DefaultShutdownHook();
        flush.setContext(context);
        Runtime.getRuntime().addShutdownHook(new Thread(flush, "rotor-log-flush"));
    }

    /** A ROTOR_LOG_FORMAT that is neither text nor json is logged as text, and said so: a typo must not pass unseen. */
    static Optional<String> unknownFormat(String format) {
        return format == null || format.isEmpty() || format.equals("json") || format.equals("text") ? Optional.empty()
                : Optional.of("ROTOR_LOG_FORMAT is '" + format + "', which is neither text nor json: logging as text");
    }

    private static String format() {
        String format = System.getProperty("ROTOR_LOG_FORMAT");
        return format != null ? format : System.getenv("ROTOR_LOG_FORMAT");
    }

    /** The request id (a session's correlation_id) finds every line of a request. */
    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }

    /**
     * Logback's own JsonEncoder: timestamp, level, thread, logger, the MDC (request_id while a request
     * is handled), the formatted message and any throwable. The raw arguments are left out: the
     * message already carries them, and nothing else may.
     */
    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithArguments(false);
        encoder.setWithMessage(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}

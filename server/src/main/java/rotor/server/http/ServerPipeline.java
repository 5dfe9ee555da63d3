package rotor.server.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * What rotor adds to the HTTP/1 pipeline of every connection the server accepts: a
 * {@link RequestReadDeadline} around the codec (rotor.server.request-read-timeout), and after it
 * {@link AmbiguousFramingIsRefused}, {@link NothingAfterClose}, {@link AcceptIsDisregarded}, {@link LenientRequestTarget} and
 * {@link OverlongRequestLine}.
 * HTTP/1.1 only, which is what rotor serves unless micronaut.server.http-version says 2.0.
 */
@Singleton
public class ServerPipeline implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String BYTES = "rotor-request-read-deadline";
    static final String FRAMING = "rotor-ambiguous-framing-is-refused";
    static final String CLOSE = "rotor-nothing-after-close";
    static final String MESSAGES = "rotor-request-read-deadline-end";
    static final String ACCEPT = "rotor-accept-is-disregarded";
    static final String TARGET = "rotor-lenient-request-target";
    static final String OVERLONG = "rotor-overlong-request-line";

    private static final Logger LOG = LoggerFactory.getLogger(ServerPipeline.class);

    private final Duration timeout;
    private final Counter cutOff;

    public ServerPipeline(@Value("${rotor.server.request-read-timeout:10s}") Duration timeout,
                          @Value("${micronaut.server.http-version:1.1}") String httpVersion, MeterRegistry registry) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("rotor.server.request-read-timeout must be positive, not " + timeout);
        }
        this.timeout = timeout;
        this.cutOff = Counter.builder("rotor.http.slow.clients")
                .description("connections closed because the client sent no whole request within rotor.server.request-read-timeout")
                .register(registry);
        if (!httpVersion.startsWith("1")) {
            // An HTTP/2 (or h2c upgrade) pipeline has no HTTP/1 codec by Micronaut's name to put these around.
            LOG.warn("micronaut.server.http-version is {}: the request-read deadline, the disregarded Accept, lenient request targets"
                    + " and the 414 for overlong request lines hold for HTTP/1.1 connections only", httpVersion);
        }
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role == ChannelRole.CONNECTION ? forConnection(channel) : this;
            }
        });
        return event.getBean();
    }

    private NettyServerCustomizer forConnection(Channel channel) {
        return new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel child, ChannelRole role) {
                return this;
            }

            @Override
            public void onStreamPipelineBuilt() {
                ChannelPipeline pipeline = channel.pipeline();
                // HTTP/1 only: an HTTP/2 connection has no such codec, and is left as Micronaut built it.
                if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) == null || pipeline.get(BYTES) != null) {
                    return;
                }
                RequestReadDeadline deadline = new RequestReadDeadline(timeout, cutOff::increment);
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, BYTES, deadline.bytes());
                pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, FRAMING, AmbiguousFramingIsRefused.INSTANCE);
                pipeline.addAfter(FRAMING, CLOSE, new NothingAfterClose());
                pipeline.addAfter(CLOSE, MESSAGES, deadline.messages());
                pipeline.addAfter(MESSAGES, ACCEPT, AcceptIsDisregarded.INSTANCE);
                pipeline.addAfter(ACCEPT, TARGET, LenientRequestTarget.INSTANCE);
                pipeline.addAfter(TARGET, OVERLONG, new OverlongRequestLine(deadline));
            }
        };
    }
}

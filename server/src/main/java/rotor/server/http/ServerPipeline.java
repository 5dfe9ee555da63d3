package rotor.server.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * What rotor adds to the HTTP/1 pipeline of every connection the server accepts: a
 * {@link RequestReadDeadline} around the codec (rotor.server.request-read-timeout), and after it
 * {@link AcceptIsDisregarded}, {@link LenientRequestTarget} and {@link OverlongRequestLine}.
 */
@Singleton
public class ServerPipeline implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String BYTES = "rotor-request-read-deadline";
    static final String MESSAGES = "rotor-request-read-deadline-end";
    static final String ACCEPT = "rotor-accept-is-disregarded";
    static final String TARGET = "rotor-lenient-request-target";
    static final String OVERLONG = "rotor-overlong-request-line";

    private final Duration timeout;

    public ServerPipeline(@Value("${rotor.server.request-read-timeout:10s}") Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("rotor.server.request-read-timeout must be positive, not " + timeout);
        }
        this.timeout = timeout;
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
                RequestReadDeadline deadline = new RequestReadDeadline(timeout);
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, BYTES, deadline.bytes());
                pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, MESSAGES, deadline.messages());
                pipeline.addAfter(MESSAGES, ACCEPT, AcceptIsDisregarded.INSTANCE);
                pipeline.addAfter(ACCEPT, TARGET, LenientRequestTarget.INSTANCE);
                pipeline.addAfter(TARGET, OVERLONG, OverlongRequestLine.INSTANCE);
            }
        };
    }
}

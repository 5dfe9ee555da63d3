package rotor.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed loop of refreshing clients on the JDK's HttpClient: each client holds its own chain,
 * always presents the newest refresh token, and sends its next request when the answer to the
 * last one has arrived. Warm-up ({@link WarmUp}) and measured window run back to back without a
 * pause, so the server sees one steady load; only answers that arrive inside the window count.
 */
final class LoadGenerator {

    /** What the clients saw in the measured window, and what /proc saw of the CPU meanwhile. */
    record Window(long refreshes, long errors, double seconds, long[] sortedLatencies, String firstError,
                  CpuWatch.Usage cpu, double serverRssMiB, WarmUp.Outcome warmUp) {

        double perSecond() {
            return refreshes / seconds;
        }

        /** The latency (ms) below which {@code fraction} of the successful refreshes answered. */
        double percentileMillis(double fraction) {
            if (sortedLatencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedLatencies.length - 1L, (long) Math.ceil(fraction * sortedLatencies.length) - 1);
            return sortedLatencies[Math.max(0, index)] / 1e6;
        }
    }

    private record ClientResult(long[] latencies, int count, long errors, String firstError) {
    }

    /** The measured window in {@link System#nanoTime()}; both far off while the warm-up lasts. */
    private record Bounds(long start, long end) {
        static final Bounds WARMING_UP = new Bounds(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    private final HttpClient http;
    private final URI base;
    private final BenchDialect dialect;
    private final Pattern nextToken;
    private final String basicAuth;
    private final String[] tokens;

    /**
     * @param nextToken where the target's answer carries the next refresh token (rotor's dialect, or the ceiling's)
     * @param tokens    each client's newest refresh token, updated as the chains rotate (kept across levels)
     */
    LoadGenerator(URI base, BenchDialect dialect, Pattern nextToken, String basicAuth, List<String> tokens) {
        // HTTP/1.1 explicitly: the default (HTTP/2) tries an h2c upgrade on every new connection.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.base = base;
        this.dialect = dialect;
        this.nextToken = nextToken;
        this.basicAuth = basicAuth;
        this.tokens = tokens.toArray(String[]::new);
    }

    /** Virtual threads where the JDK has them (21+), else one platform thread per client. */
    static String threadKind() {
        return Runtime.version().feature() >= 21 ? "virtual threads" : "platform threads";
    }

    Window run(int clients, WarmUp warmUp, Duration measured, CpuWatch watch) {
        if (clients > tokens.length) {
            throw new IllegalArgumentException(clients + " clients but only " + tokens.length + " grants");
        }
        long start = System.nanoTime();
        AtomicReference<Bounds> bounds = new AtomicReference<>(Bounds.WARMING_UP);
        ExecutorService pool = clientThreads(clients);
        try {
            List<Future<ClientResult>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> loop(client, bounds)));
            }
            WarmUp.Outcome warm = warmUp.await(start, watch::serverThreads);
            long windowStart = System.nanoTime();
            long windowEnd = windowStart + measured.toNanos();
            bounds.set(new Bounds(windowStart, windowEnd));
            CpuWatch.Snapshot before = watch.snapshot();
            ServerProcess.sleepUntil(windowEnd);
            CpuWatch.Snapshot after = watch.snapshot();
            double rss = watch.rssMiB();
            return collect(running, measured, watch.between(before, after), rss, warm);
        } finally {
            pool.shutdownNow();
        }
    }

    private ClientResult loop(int client, AtomicReference<Bounds> bounds) {
        long[] latencies = new long[1024];
        int count = 0;
        long errors = 0;
        String firstError = null;
        while (true) {
            long sent = System.nanoTime();
            if (sent >= bounds.get().end()) {
                break;
            }
            HttpRequest request = dialect.refreshRequest(base, tokens[client], basicAuth);
            String failure;
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher next = nextToken.matcher(answer.body());
                if (answer.statusCode() == 200 && next.find()) {
                    tokens[client] = next.group(1);
                    failure = null;
                } else {
                    failure = answer.statusCode() + " " + answer.body();
                }
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long received = System.nanoTime();
            Bounds window = bounds.get();
            if (received < window.start() || received >= window.end()) {
                continue;
            }
            if (failure != null) {
                errors++;
                firstError = firstError == null ? failure : firstError;
            } else {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = received - sent;
            }
        }
        return new ClientResult(latencies, count, errors, firstError);
    }

    private static Window collect(List<Future<ClientResult>> running, Duration measured, CpuWatch.Usage cpu, double rss,
                                  WarmUp.Outcome warmUp) {
        List<ClientResult> results = new ArrayList<>();
        for (Future<ClientResult> f : running) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a load client failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        int total = results.stream().mapToInt(ClientResult::count).sum();
        long[] all = new long[total];
        int at = 0;
        for (ClientResult r : results) {
            System.arraycopy(r.latencies(), 0, all, at, r.count());
            at += r.count();
        }
        Arrays.sort(all);
        long errors = results.stream().mapToLong(ClientResult::errors).sum();
        String firstError = results.stream().map(ClientResult::firstError).filter(e -> e != null).findFirst().orElse(null);
        return new Window(total, errors, measured.toNanos() / 1e9, all, firstError, cpu, rss, warmUp);
    }

    private static ExecutorService clientThreads(int clients) {
        if (Runtime.version().feature() >= 21) {
            try {
                // Built for release 17: reach the JDK 21 method reflectively.
                return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("JDK " + Runtime.version() + " has no virtual threads", e);
            }
        }
        return Executors.newFixedThreadPool(clients);
    }
}

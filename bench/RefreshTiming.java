import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain timing of chained rotating refreshes against a running rotor, for before/after
 * comparisons of one change on one machine (not the full benchmark of the performance issue).
 *
 * <pre>java bench/RefreshTiming.java http://localhost:8080 ADMIN_TOKEN [refreshes=5000] [clients=8] [warmup=1000]</pre>
 *
 * Each client holds its own onboard grant and always presents its newest refresh token; the
 * warm-up refreshes are not timed. Prints refreshes/s, p50 and p99 and the count of non-200 answers.
 */
public class RefreshTiming {

    private static final Pattern TOKEN = Pattern.compile("\"refreshToken\":\\{\"token\":\"([^\"]+)\"");
    private static final Pattern FIRST = Pattern.compile("\"refresh_token\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = args[1];
        int total = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            HttpResponse<String> grant = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/v1/grants"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"dialect\":\"onboard\",\"subject\":\"bench-" + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = FIRST.matcher(grant.body());
            if (!m.find()) {
                throw new IllegalStateException("no grant: " + grant.statusCode() + " " + grant.body());
            }
            tokens.add(m.group(1));
        }
        run(http, base, tokens, warmup / clients, null);
        long[] latencies = new long[(total / clients) * clients];
        long started = System.nanoTime();
        int errors = run(http, base, tokens, total / clients, latencies);
        double seconds = (System.nanoTime() - started) / 1e9;
        java.util.Arrays.sort(latencies);
        System.out.printf("refreshes=%d clients=%d seconds=%.2f refreshes/s=%.0f p50=%.1fms p99=%.1fms errors=%d%n",
                latencies.length, clients, seconds, latencies.length / seconds,
                latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6, errors);
    }

    private static int run(HttpClient http, String base, List<String> tokens, int perClient, long[] latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        List<Future<Integer>> done = new ArrayList<>();
        for (int c = 0; c < tokens.size(); c++) {
            int client = c;
            done.add(pool.submit((Callable<Integer>) () -> {
                int errors = 0;
                for (int i = 0; i < perClient; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/auth/oauth/refresh-token"))
                            .header("x-auth-token", tokens.get(client)).timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                    if (latencies != null) {
                        latencies[client * perClient + i] = System.nanoTime() - t0;
                    }
                    Matcher m = TOKEN.matcher(r.body());
                    if (r.statusCode() != 200 || !m.find()) {
                        errors++;
                        continue;
                    }
                    tokens.set(client, m.group(1));
                }
                return errors;
            }));
        }
        int errors = 0;
        for (Future<Integer> f : done) {
            errors += f.get();
        }
        pool.shutdown();
        return errors;
    }
}

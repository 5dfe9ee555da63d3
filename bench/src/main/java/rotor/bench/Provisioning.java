package rotor.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One grant per client through rotor's admin API, as an operator would issue them: for oauth2 an
 * OAuth client first (its id and secret authenticate every refresh, client_secret_basic).
 */
final class Provisioning {

    /** What a load needs to start: each client's first refresh token, and oauth2's Basic credentials. */
    record Chains(List<String> firstTokens, String basicAuth) {
    }

    private final HttpClient http;
    private final URI base;
    private final String adminToken;

    Provisioning(HttpClient http, URI base, String adminToken) {
        this.http = http;
        this.base = base;
        this.adminToken = adminToken;
    }

    Chains grants(BenchDialect dialect, int count) {
        String clientId = null;
        String basicAuth = "";
        if (dialect == BenchDialect.OAUTH2) {
            String client = post("/admin/v1/clients", "{\"client_name\":\"bench\",\"scope\":\"read\"}");
            clientId = field(client, "client_id");
            basicAuth = basic(clientId, field(client, "client_secret"));
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(field(post("/admin/v1/grants", dialect.grant("bench-" + i, clientId)), "refresh_token"));
        }
        return new Chains(tokens, basicAuth);
    }

    /** For the ceiling, which keeps no grants: tokens of rotor's shape, and credentials it does not check. */
    static Chains unchecked(BenchDialect dialect, int count) {
        SecureRandom random = new SecureRandom();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            tokens.add("rtr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return new Chains(tokens, dialect == BenchDialect.OAUTH2 ? basic("oc_ceiling", "cs_ceiling") : "");
    }

    private String post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201 && answer.statusCode() != 200) {
                throw new IllegalStateException("POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String basic(String id, String secret) {
        return Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}

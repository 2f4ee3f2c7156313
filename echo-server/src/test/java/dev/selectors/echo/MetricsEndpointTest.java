package dev.selectors.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** /metrics as Prometheus servers expect it: few buckets, units in names, negotiation, gzip, HEAD. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MetricsEndpointTest {

    private static HttpResponse<byte[]> get(int port, String method, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theReadyKeysDistributionHasAFewBucketsAndBytesCarryTheirUnit() throws Exception {
        try (EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0).withMetricsPort(0), System.err)) {
            String text = new String(get(server.metricsPort(), "GET").body(), java.nio.charset.StandardCharsets.UTF_8);
            long buckets = text.lines().filter(line -> line.startsWith("echo_select_ready_keys_bucket{")).count();
            assertTrue(buckets > 10 && buckets <= 30, buckets + " buckets:\n" + text);
            assertTrue(text.contains("le=\"65536.0\""), text);
            assertTrue(text.contains("# TYPE echo_received_bytes_total counter")
                    || text.contains("# TYPE echo_received_bytes counter"), text);
            assertTrue(text.contains("echo_sent_bytes_total{"), text);
        }
    }

    @Test
    void openMetricsGzipAndHeadAreTheClientLibrarys() throws Exception {
        try (EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0).withMetricsPort(0), System.err)) {
            int port = server.metricsPort();
            HttpResponse<byte[]> open = get(port, "GET", "Accept", "application/openmetrics-text; version=1.0.0");
            assertEquals(200, open.statusCode());
            assertTrue(open.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"),
                    open.headers().toString());
            assertTrue(new String(open.body(), java.nio.charset.StandardCharsets.UTF_8).endsWith("# EOF\n"));

            HttpResponse<byte[]> zipped = get(port, "GET", "Accept-Encoding", "gzip");
            assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
            assertEquals(0x1f, zipped.body()[0] & 0xff, "gzip magic");

            HttpResponse<byte[]> head = get(port, "HEAD");
            assertEquals(200, head.statusCode());
            assertEquals(0, head.body().length);
        }
    }
}

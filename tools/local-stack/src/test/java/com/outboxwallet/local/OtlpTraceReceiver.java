package com.outboxwallet.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * Stands where the compose stack's Jaeger listens for traces (OTLP over HTTP, {@code /v1/traces}, protobuf): the
 * services export to it over a real connection exactly as they export to Jaeger, and it keeps what arrived. Jaeger is
 * outside the system; what the system owes it is these requests.
 *
 * <p>Only the fields a trace's shape needs are read from each {@code ExportTraceServiceRequest} (opentelemetry-proto's
 * trace/v1 and collector/trace/v1 messages): the resource's {@code service.name}, and each span's trace id, span id,
 * parent span id, name and kind. The protobuf wire format is read by hand: the generated classes are published only
 * as pre-releases.
 */
final class OtlpTraceReceiver implements AutoCloseable {

    /** One span as it arrived. {@code parentSpanId} is empty for a root span. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind) {}

    /** opentelemetry-proto's Span.SpanKind, in its numbering. */
    enum Kind {
        UNSPECIFIED,
        INTERNAL,
        SERVER,
        CLIENT,
        PRODUCER,
        CONSUMER
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    private OtlpTraceReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpTraceReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpTraceReceiver receiver = new OtlpTraceReceiver(server);
            server.createContext("/v1/traces", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the services' {@code management.opentelemetry.tracing.export.otlp.endpoint} is set to. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces");
    }

    List<ReceivedSpan> spansOf(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** Requests that were not a protobuf POST: the content type or method they came with. */
    List<String> refused() {
        return List.copyOf(refused);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(exchange.getRequestMethod()) || !"application/x-protobuf".equals(type)) {
                refused.add(exchange.getRequestMethod() + " " + type);
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            spans.addAll(exportRequest(body.readAllBytes()));
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            // An empty ExportTraceServiceResponse: everything accepted.
            exchange.sendResponseHeaders(200, -1);
        }
    }

    // ------------------------------------------------------------------------------------------ the wire format

    /** ExportTraceServiceRequest: 1 resource_spans. */
    static List<ReceivedSpan> exportRequest(byte[] message) throws IOException {
        List<ReceivedSpan> spans = new ArrayList<>();
        for (Field field : fields(message)) {
            if (field.number() == 1) {
                spans.addAll(resourceSpans(field.bytes()));
            }
        }
        return spans;
    }

    /** ResourceSpans: 1 resource, 2 scope_spans (ScopeSpans: 2 spans). */
    private static List<ReceivedSpan> resourceSpans(byte[] message) throws IOException {
        String service = "";
        List<byte[]> spanMessages = new ArrayList<>();
        for (Field field : fields(message)) {
            if (field.number() == 1) {
                service = serviceName(field.bytes());
            } else if (field.number() == 2) {
                for (Field scoped : fields(field.bytes())) {
                    if (scoped.number() == 2) {
                        spanMessages.add(scoped.bytes());
                    }
                }
            }
        }
        List<ReceivedSpan> spans = new ArrayList<>();
        for (byte[] span : spanMessages) {
            spans.add(span(service, span));
        }
        return spans;
    }

    /** Resource: 1 attributes (KeyValue: 1 key, 2 value; AnyValue: 1 string_value). */
    private static String serviceName(byte[] resource) throws IOException {
        for (Field attribute : fields(resource)) {
            if (attribute.number() != 1) {
                continue;
            }
            String key = "";
            String value = "";
            for (Field part : fields(attribute.bytes())) {
                if (part.number() == 1) {
                    key = part.text();
                } else if (part.number() == 2) {
                    for (Field any : fields(part.bytes())) {
                        if (any.number() == 1) {
                            value = any.text();
                        }
                    }
                }
            }
            if (key.equals("service.name")) {
                return value;
            }
        }
        return "";
    }

    /** Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind. */
    private static ReceivedSpan span(String service, byte[] message) throws IOException {
        HexFormat hex = HexFormat.of();
        String traceId = "";
        String spanId = "";
        String parentSpanId = "";
        String name = "";
        Kind kind = Kind.UNSPECIFIED;
        for (Field field : fields(message)) {
            switch (field.number()) {
                case 1 -> traceId = hex.formatHex(field.bytes());
                case 2 -> spanId = hex.formatHex(field.bytes());
                case 4 -> parentSpanId = hex.formatHex(field.bytes());
                case 5 -> name = field.text();
                case 6 -> kind = Kind.values()[(int) field.varint()];
                default -> {}
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parentSpanId, name, kind);
    }

    /** One field of a message: a varint's value, or a length-delimited field's bytes (other wire types skipped). */
    private record Field(int number, long varint, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static List<Field> fields(byte[] message) throws IOException {
        List<Field> fields = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(message);
        while (in.available() > 0) {
            long tag = varint(in);
            int number = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> fields.add(new Field(number, varint(in), new byte[0]));
                case 1 -> in.skipNBytes(8);
                case 2 -> fields.add(new Field(number, 0, in.readNBytes((int) varint(in))));
                case 5 -> in.skipNBytes(4);
                default -> throw new IOException("wire type " + (tag & 7) + " is not in OTLP's messages");
            }
        }
        return fields;
    }

    private static long varint(InputStream in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("a varint runs past the end of the message");
            }
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("a varint longer than 10 bytes");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package com.outboxwallet.api.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import com.zaxxer.hikari.pool.HikariProxyConnection;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.lang.reflect.Proxy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@Import(SqlSpansIT.Recording.class)
class SqlSpansIT extends ApiServiceIntegrationTest {

    @Autowired
    QueryObservations queries;

    @Autowired
    DataSource dataSource;

    @Test
    void theQueriesOfASampledRequestAreSpansInItsTrace() {
        Credentials alice = aUser();
        String trace = aTraceId();

        HttpResponse<String> response = topUpIn(alice, "00-" + trace + "-00f067aa0ba902b7-01");

        assertThat(response.statusCode()).isEqualTo(201);
        // At least the credit, the top-up row and the outbox row.
        assertThat(queries.inTrace(trace)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theQueriesOfARequestThatIsNotSampledMakeNoSpans() {
        Credentials alice = aUser();
        String trace = aTraceId();

        HttpResponse<String> response = topUpIn(alice, "00-" + trace + "-00f067aa0ba902b7-00");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(topUpsOf(alice)).isOne();
        assertThat(queries.inTrace(trace)).isEmpty();
    }

    @Test
    void aConnectionTakenOutsideASampledTraceIsThePoolsOwnWithoutAProxy() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection).isInstanceOf(HikariProxyConnection.class);
            assertThat(Proxy.isProxyClass(connection.getClass())).isFalse();
        }
    }

    private HttpResponse<String> topUpIn(Credentials user, String traceparent) {
        return api().send(api().request(user, "/api/v1/topups")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", anyKey())
                .header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"1.00\"}"))
                .build());
    }

    private static String aTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {

        @Bean
        QueryObservations queryObservations(ObjectProvider<Tracer> tracer) {
            return new QueryObservations(tracer);
        }
    }

    /** Every JDBC observation the service starts, by the trace it starts in. */
    static class QueryObservations implements ObservationHandler<Observation.Context> {

        private final ObjectProvider<Tracer> tracer;
        private final List<String> traceIds = new CopyOnWriteArrayList<>();

        QueryObservations(ObjectProvider<Tracer> tracer) {
            this.tracer = tracer;
        }

        /** Every context: a convention may name it only after this is asked. */
        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        @Override
        public void onStart(Observation.Context context) {
            String name = context.getName();
            if (name == null || !name.startsWith("jdbc.")) {
                return;
            }
            Span current = tracer.getObject().currentSpan();
            traceIds.add(current == null ? "" : current.context().traceId());
        }

        List<String> inTrace(String traceId) {
            return traceIds.stream().filter(traceId::equals).toList();
        }
    }
}

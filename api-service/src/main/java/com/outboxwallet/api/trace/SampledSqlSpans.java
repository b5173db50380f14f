package com.outboxwallet.api.trace;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.util.function.SingletonSupplier;

/**
 * SQL appears in a trace as query spans (datasource-micrometer, {@code jdbc.includes: query}), but only in a trace that
 * is sampled, such as a sampled request. datasource-micrometer wraps every connection, statement and result set in a
 * proxy whose listeners run on every call; in a request that is not sampled (nine in ten in production) nothing of it
 * is ever exported, so that work is for nothing: a quarter of a millisecond of CPU per top-up with the spans, still
 * about a tenth without them (docs/benchmarks.md). So a connection taken outside a sampled trace is the pool's own,
 * with no proxy at all, and background loops (the credential-change poll every 250 ms) never start traces of their own.
 *
 * <p>An auto-configuration, ordered after datasource-micrometer's, so that its post-processor sees the proxy that one
 * made; a connection keeps what it was when taken: a transaction's statements are spanned all or none.
 */
@AutoConfiguration(afterName = SampledSqlSpans.DATASOURCE_MICROMETER)
@ConditionalOnClass(name = {SampledSqlSpans.DATASOURCE_MICROMETER, "net.ttddyy.dsproxy.support.ProxyDataSource"})
public class SampledSqlSpans {

    /**
     * By name: the api-service's jar is on other modules' test classpaths (its migrations), where datasource-micrometer
     * is not, and this must then do nothing.
     */
    static final String DATASOURCE_MICROMETER =
            "net.ttddyy.observation.boot.autoconfigure.DataSourceObservationAutoConfiguration";

    @Bean
    static BeanPostProcessor sqlSpansOnlyInSampledTraces(ObjectProvider<Tracer> tracerProvider) {
        // Asked for on every transaction's connection: the tracer is looked up once, not in the bean factory each time.
        Supplier<@Nullable Tracer> tracers = SingletonSupplier.of(tracerProvider::getIfAvailable);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // datasource-micrometer makes either kind of proxy (jdbc.datasource-proxy.type).
                if (bean instanceof ProxyDataSource traced) {
                    return new ProxiedWhenSampled(traced.getDataSource(), traced, () -> sampled(tracers));
                }
                if (bean instanceof DataSource traced
                        && bean instanceof ProxyJdbcObject proxy
                        && proxy.getTarget() instanceof DataSource pool) {
                    return new ProxiedWhenSampled(pool, traced, () -> sampled(tracers));
                }
                return bean;
            }
        };
    }

    private static boolean sampled(Supplier<@Nullable Tracer> tracers) {
        Tracer tracer = tracers.get();
        Span current = tracer == null ? null : tracer.currentSpan();
        return current != null && Boolean.TRUE.equals(current.context().sampled());
    }

    /** Hands out the traced data source's connections inside a sampled trace, the pool's own everywhere else. */
    static final class ProxiedWhenSampled extends DelegatingDataSource {

        private final DataSource traced;
        private final BooleanSupplier sampled;

        ProxiedWhenSampled(DataSource pool, DataSource traced, BooleanSupplier sampled) {
            super(pool);
            this.traced = traced;
            this.sampled = sampled;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return sampled.getAsBoolean()
                    ? traced.getConnection()
                    : obtainTargetDataSource().getConnection();
        }

        /** The pool underneath, as datasource-micrometer's proxy answered: what derives a data source from it needs it. */
        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) && !type.isInstance(obtainTargetDataSource())
                    ? type.cast(this)
                    : obtainTargetDataSource().unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || obtainTargetDataSource().isWrapperFor(type);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return sampled.getAsBoolean()
                    ? traced.getConnection(username, password)
                    : obtainTargetDataSource().getConnection(username, password);
        }
    }
}

package com.outboxwallet.loginguard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Runs a password encoder (bcrypt: tens of milliseconds of CPU by design) on a few platform threads of its own.
 * Requests run on virtual threads, whose carriers are as many as the cores: bcrypt run there by a burst of logins
 * would hold every carrier, and every request — health probes included — would wait behind it. Here a request's
 * virtual thread parks while its hash is computed, and at most half the cores ever compute one; when more checks
 * wait than the queue holds, the next is refused at once ({@link PasswordChecksBusy}) rather than queued without end.
 */
public final class PasswordChecks implements PasswordEncoder, DisposableBean {

    private final PasswordEncoder encoder;
    private final ThreadPoolExecutor pool;
    private final Counter checks;
    private final Counter busy;

    /** @param threads how many hashes may be computed at once; {@code 64 ×} that many may wait */
    public PasswordChecks(PasswordEncoder encoder, int threads, MeterRegistry meters) {
        this.encoder = encoder;
        AtomicInteger next = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(64 * threads),
                task -> {
                    Thread thread = new Thread(task, "password-check-" + next.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.checks = Counter.builder("wallet.auth.password.checks")
                .description("Presented passwords compared with a stored hash (a bcrypt each)")
                .register(meters);
        this.busy = Counter.builder("wallet.auth.password.checks.refused")
                .description("Password checks refused because every password-check thread was busy and the queue full")
                .register(meters);
    }

    /** Half the cores, at least one: the other half stays free for the requests bcrypt would otherwise starve. */
    public static PasswordChecks onHalfTheCores(PasswordEncoder encoder, MeterRegistry meters) {
        return new PasswordChecks(encoder, Math.max(1, Runtime.getRuntime().availableProcessors() / 2), meters);
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        return run(() -> encoder.encode(rawPassword));
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        Boolean matched = run(() -> {
            checks.increment();
            return encoder.matches(rawPassword, encodedPassword);
        });
        return Boolean.TRUE.equals(matched);
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }

    private <T> T run(Callable<T> hashing) {
        Future<T> result;
        try {
            result = pool.submit(hashing);
        } catch (RejectedExecutionException full) {
            busy.increment();
            throw new PasswordChecksBusy();
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new InternalAuthenticationServiceException("interrupted while a password was checked", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException("a password check failed", e.getCause());
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    /** Every password-check thread was busy and the queue full: nothing was checked; try again in a second. */
    public static final class PasswordChecksBusy extends InternalAuthenticationServiceException {

        PasswordChecksBusy() {
            super("every password-check thread is busy");
        }
    }
}

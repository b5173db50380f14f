package com.outboxwallet.api.web;

import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.CompositeHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies above {@code wallet.http.max-body-size} with 413 before anything reads them. A declared
 * Content-Length is checked up front; a chunked body is counted as it is read and fails once it passes the limit. A
 * chunked form ({@code POST /login}) is the exception: Tomcat parses its parameters from its own buffer, never
 * through the counting stream, so its connector is given the same limit ({@link FormSizeLimit}) and the form is
 * parsed here, where passing the limit is answered like any other body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

    /**
     * Spring Security's default response headers (HSTS over HTTPS, nosniff, no caching, no framing): this refusal is
     * written before its filter chain runs, which adds them to every other answer.
     */
    private static final HeaderWriter SECURITY_HEADERS = new CompositeHeaderWriter(List.of(
            new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(),
            new CacheControlHeadersWriter(),
            new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter()));

    private final long maxBytes;
    private final JsonMapper json;

    BodySizeLimit(HttpProperties properties, JsonMapper json) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes || chunkedFormTooLarge(request)) {
            SECURITY_HEADERS.writeHeaders(request, response);
            response.setStatus(HttpProblem.PAYLOAD_TOO_LARGE.status().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), tooLarge(maxBytes));
            return;
        }
        chain.doFilter(new CountingRequest(request, maxBytes), response);
    }

    private static boolean chunkedFormTooLarge(HttpServletRequest request) {
        if (request.getContentLengthLong() >= 0
                || !MediaType.APPLICATION_FORM_URLENCODED_VALUE.equalsIgnoreCase(mediaTypeOf(request))) {
            return false;
        }
        try {
            request.getParameterMap();
            return false;
        } catch (InvalidParameterException unparsed) {
            if (unparsed.getErrorCode()
                    == HttpProblem.PAYLOAD_TOO_LARGE.status().value()) {
                return true;
            }
            throw unparsed;
        }
    }

    private static @Nullable String mediaTypeOf(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return null;
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
    }

    static org.springframework.http.ProblemDetail tooLarge(long maxBytes) {
        return Problems.withField(
                HttpProblem.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes.",
                "body",
                "at most " + maxBytes + " bytes");
    }

    /** Thrown from the body stream when a body without a Content-Length passes the limit. */
    static final class BodyTooLarge extends IOException {

        final long maxBytes;

        BodyTooLarge(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }
    }

    private static final class CountingRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private @Nullable ServletInputStream counted;

        CountingRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingStream(super.getInputStream(), maxBytes);
            }
            return counted;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        CountingStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLarge(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}

package com.outboxwallet.api.web;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat reads a form's parameters itself, up to its connector's {@code maxPostSize} (2 MB by default): set to
 * {@code wallet.http.max-body-size}, so a form body, chunked or not, is held to the same limit as every other body
 * ({@link BodySizeLimit} answers it).
 */
@Component
class FormSizeLimit implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private final int maxBytes;

    FormSizeLimit(HttpProperties properties) {
        this.maxBytes = Math.toIntExact(properties.maxBodySize().toBytes());
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(maxBytes));
    }
}

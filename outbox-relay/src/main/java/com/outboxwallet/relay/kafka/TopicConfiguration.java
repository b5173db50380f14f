package com.outboxwallet.relay.kafka;

import com.outboxwallet.relay.RelayProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    NewTopic walletEvents(RelayProperties properties) {
        RelayProperties.Topic topic = properties.topic();
        return new NewTopic(topic.name(), topic.partitions(), topic.replicas()).configs(topic.configs());
    }
}

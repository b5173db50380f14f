package com.outboxwallet.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The topic keeps every event unless told otherwise, so a replay from the earliest offset finds them all. */
class TopicSettingsIT {

    private static String url;

    @BeforeAll
    static void aDatabase() {
        url = StandaloneRelay.migratedDatabase("topic_settings_test");
    }

    @Test
    void aNewTopicKeepsEveryEventForEverWithTheConfiguredInSyncReplicas() throws Exception {
        String topic = "wallet.events.settings-" + UUID.randomUUID();

        try (ConfigurableApplicationContext relay = StandaloneRelay.start(url, "--relay.topic.name=" + topic);
                Admin admin = admin()) {
            Config configs = configsOf(admin, topic);
            TopicDescription description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);

            assertThat(configs.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
            assertThat(configs.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value())
                    .isEqualTo("1");
            assertThat(description.partitions()).hasSize(6);
        }
    }

    @Test
    void anExistingTopicWithTheBrokersWeekOfRetentionIsSetToTheConfiguredRetention() throws Exception {
        String topic = "wallet.events.existing-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1)
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "604800000"))))
                    .all()
                    .get();
        }

        try (ConfigurableApplicationContext relay =
                        StandaloneRelay.start(url, "--relay.topic.name=" + topic, "--relay.topic.retention=400d");
                Admin admin = admin()) {
            assertThat(configsOf(admin, topic)
                            .get(TopicConfig.RETENTION_MS_CONFIG)
                            .value())
                    .isEqualTo(Long.toString(400L * 24 * 60 * 60 * 1000));
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, StandaloneRelay.bootstrapServers()));
    }

    private static Config configsOf(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }
}

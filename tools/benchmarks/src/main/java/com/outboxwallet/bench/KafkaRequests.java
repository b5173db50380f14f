package com.outboxwallet.bench;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The requests the Kafka brokers answered, by type ({@code Produce}, {@code Fetch}, {@code OffsetCommit}…), as the
 * brokers count them ({@code kafka.network:type=RequestMetrics,name=RequestsPerSec}: a meter whose {@code Count} is
 * the total). Read over JMX from each broker's JVM, through the attach API's local management agent: the brokers need
 * no JMX port.
 */
final class KafkaRequests implements AutoCloseable {

    private static final String REQUESTS = "kafka.network:type=RequestMetrics,name=RequestsPerSec,*";

    private final List<JMXConnector> brokers = new ArrayList<>();

    KafkaRequests(List<Long> brokerPids) {
        try {
            for (long pid : brokerPids) {
                VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
                try {
                    brokers.add(JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent())));
                } finally {
                    vm.detach();
                }
            }
        } catch (IOException | AttachNotSupportedException e) {
            close();
            throw new IllegalStateException("could not attach to the Kafka brokers " + brokerPids, e);
        }
    }

    /** Requests so far by type, summed over the brokers and the request versions. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        try {
            for (JMXConnector broker : brokers) {
                MBeanServerConnection beans = broker.getMBeanServerConnection();
                for (ObjectName meter : beans.queryNames(new ObjectName(REQUESTS), null)) {
                    String type = meter.getKeyProperty("request");
                    if (type != null) {
                        long count = ((Number) beans.getAttribute(meter, "Count")).longValue();
                        counts.merge(type, count, Long::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a Kafka broker's JMX did not answer", e);
        } catch (JMException e) {
            throw new IllegalStateException("a Kafka broker's request metrics could not be read", e);
        }
        return counts;
    }

    @Override
    public void close() {
        for (JMXConnector broker : brokers) {
            try {
                broker.close();
            } catch (IOException ignored) {
                // the broker is going away with the stack
            }
        }
    }
}

package com.outboxwallet.relay.commands;

import com.outboxwallet.commands.ServiceApplication;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;

/** What the relay's operator commands share: the relay's application, started without its publishing loops. */
public final class RelayCommands {

    private RelayCommands() {}

    /** @param relay the relay's application, given defaults beneath its configuration */
    public static ServiceApplication application(Function<Map<String, Object>, SpringApplication> relay) {
        // A command runs beside the live relay; its loops would publish, retain and elect a leader there too.
        return new ServiceApplication(relay, Map.of("relay.run-loops", "false"));
    }
}

package com.outboxwallet.ledger.console;

import java.util.Locale;

/** How the console writes its figures: the same way on every line, so an operator compares them at a glance. */
final class Figures {

    static final String NOT_EXPORTED = "not exported";

    private Figures() {}

    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String seconds(double value) {
        return value < 100
                ? String.format(Locale.ROOT, "%.1f s", value)
                : String.format(Locale.ROOT, "%,.0f s (%.1f min)", value, value / 60);
    }

    static String millis(double seconds) {
        return String.format(Locale.ROOT, "%.1f ms", seconds * 1000);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.1f/s", perSecond);
    }

    static String bytes(double value) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        double scaled = value;
        while (Math.abs(scaled) >= 1024 && unit < units.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return unit == 0
                ? String.format(Locale.ROOT, "%.0f B", scaled)
                : String.format(Locale.ROOT, "%.1f %s", scaled, units[unit]);
    }
}

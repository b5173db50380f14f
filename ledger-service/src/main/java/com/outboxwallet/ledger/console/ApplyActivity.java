package com.outboxwallet.ledger.console;

import org.jspecify.annotations.Nullable;

/**
 * The ledger's own consumption meters ({@code ledger_events_total}, {@code ledger_apply_seconds},
 * {@code ledger_dead_letters_total}) as this instance counted them since it started, and the rate between two views
 * of the page.
 *
 * @param polls             polls applied, each in one transaction ({@code ledger_apply_seconds_count})
 * @param longestApply      the longest poll's apply in Micrometer's recent window ({@code ledger_apply_seconds_max})
 * @param spanSeconds       the seconds the rates cover, {@code null} on the first view
 * @param appliedPerSecond  events applied per second over the span
 * @param consumedPerSecond events consumed per second over the span, whatever their outcome
 * @param meanApplyInSpan   mean seconds one poll's apply took over the span, {@code null} when no poll was applied
 */
public record ApplyActivity(
        double applied,
        double duplicate,
        double skipped,
        double setAside,
        double deadLetters,
        double polls,
        double longestApply,
        @Nullable Double spanSeconds,
        @Nullable Double appliedPerSecond,
        @Nullable Double consumedPerSecond,
        @Nullable Double meanApplyInSpan) {

    public String appliedShown() {
        return Figures.count(applied);
    }

    public String duplicateShown() {
        return Figures.count(duplicate);
    }

    public String skippedShown() {
        return Figures.count(skipped);
    }

    public String setAsideShown() {
        return Figures.count(setAside);
    }

    public String deadLettersShown() {
        return Figures.count(deadLetters);
    }

    public String pollsShown() {
        return Figures.count(polls);
    }

    public String longestApplyShown() {
        return Figures.millis(longestApply);
    }

    public boolean hasRate() {
        return spanSeconds != null;
    }

    /** e.g. "12.5/s applied (13.0/s consumed) over the last 10 s". */
    public String rate() {
        if (spanSeconds == null || appliedPerSecond == null || consumedPerSecond == null) { // all set, or none
            return "shown from the next refresh on (a rate needs two readings)";
        }
        return Figures.rate(appliedPerSecond) + " applied (" + Figures.rate(consumedPerSecond)
                + " consumed) over the last " + Figures.seconds(spanSeconds);
    }

    public String meanApplyInSpanShown() {
        if (spanSeconds == null) {
            return "shown from the next refresh on";
        }
        return meanApplyInSpan == null
                ? "no poll applied in the last " + Figures.seconds(spanSeconds)
                : Figures.millis(meanApplyInSpan) + " per poll over the last " + Figures.seconds(spanSeconds);
    }
}

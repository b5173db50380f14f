package com.outboxwallet.ledger.deadletters;

/** Where a record is on a topic, written {@code partition:offset} as {@code dead-letters list} shows it. */
record RecordPosition(int partition, long offset) {

    static RecordPosition parse(String position) {
        if (!position.matches("\\d+:\\d+")) {
            throw new IllegalArgumentException("'" + position + "' is not a partition:offset, e.g. 0:17");
        }
        int colon = position.indexOf(':');
        return new RecordPosition(
                Integer.parseInt(position.substring(0, colon)), Long.parseLong(position.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return partition + ":" + offset;
    }
}

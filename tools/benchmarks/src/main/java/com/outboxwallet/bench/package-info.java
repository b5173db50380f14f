/** Benchmarks run from their own process against the real services, with the database's ceiling measured in the same run. */
@NullMarked
package com.outboxwallet.bench;

import org.jspecify.annotations.NullMarked;

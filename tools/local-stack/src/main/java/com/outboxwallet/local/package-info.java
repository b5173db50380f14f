/** The whole pipeline on embedded infrastructure, in one JVM or a process per service. */
@NullMarked
package com.outboxwallet.local;

import org.jspecify.annotations.NullMarked;

/** Operator commands on one pattern for both services: picocli command lines, help and exit codes. */
@NullMarked
package com.outboxwallet.commands;

import org.jspecify.annotations.NullMarked;

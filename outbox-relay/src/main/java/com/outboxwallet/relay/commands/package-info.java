/** The relay's operator commands: republish. */
@NullMarked
package com.outboxwallet.relay.commands;

import org.jspecify.annotations.NullMarked;

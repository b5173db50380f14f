/** The relay's actuator security. */
@NullMarked
package com.outboxwallet.relay.web;

import org.jspecify.annotations.NullMarked;

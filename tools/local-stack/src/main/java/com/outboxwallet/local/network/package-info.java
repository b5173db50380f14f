/**
 * Where each process of the stack sits on the network, and how the fault harness cuts and slows the links between
 * them: network namespaces on a bridge, routing rules that drop packets, and a user-space proxy for delay and loss.
 */
@NullMarked
package com.outboxwallet.local.network;

import org.jspecify.annotations.NullMarked;

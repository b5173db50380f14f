/**
 * How a service's process starts, the same in every service: its application ({@link ServiceProcess}), its one role
 * ({@link ProcessRole}: serving, or running one operator command) and the conditions that read it, and the operator
 * commands' command line on picocli ({@link OperatorCommandLine}): help, typed options, exit codes.
 */
@NullMarked
package com.outboxwallet.process;

import org.jspecify.annotations.NullMarked;

/** RFC 9457 problem responses shared by the services: the stable types, their pages and their OpenAPI description. */
@NullMarked
package com.outboxwallet.problems;

import org.jspecify.annotations.NullMarked;

/** The server-rendered wallet page for browsers. */
@NullMarked
package com.outboxwallet.api.page.web;

import org.jspecify.annotations.NullMarked;

/** What every endpoint shares: security, problem responses, body limits, CORS and the OpenAPI document. */
@NullMarked
package com.outboxwallet.api.web;

import org.jspecify.annotations.NullMarked;

package org.wenjin.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider, looked up once. Each static method of {@code jakarta.json.Json} looks
 * the provider up again: a ServiceLoader scan of every jar of the deployment, ~0.3 ms inside
 * WildFly, which made listing 30 documents cost 18 ms of CPU. Use {@code Jsonp.JSON.create…}
 * instead (an architecture test enforces it).
 */
public final class Jsonp {

  public static final JsonProvider JSON = JsonProvider.provider();

  private Jsonp() {}
}

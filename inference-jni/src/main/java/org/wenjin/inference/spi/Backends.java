package org.wenjin.inference.spi;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Providers of one kind found by {@link ServiceLoader} with this library's class loader (the EAR's,
 * or the test class path), by the backend name operators write in the registry.
 */
final class Backends<P> {

  private final Map<String, P> byName = new TreeMap<>();
  private final String kind;

  Backends(Class<P> type, Function<P, String> name, String kind) {
    this.kind = kind;
    ServiceLoader.load(type, type.getClassLoader()).forEach(p -> byName.put(name.apply(p), p));
  }

  /** The provider the settings name; the message lists the installed ones when there is none. */
  P named(ModelSettings settings) {
    P provider = byName.get(settings.backend());
    if (provider == null) {
      throw new IllegalArgumentException(
          kind
              + " "
              + settings.id()
              + " names the unknown backend '"
              + settings.backend()
              + "' (installed: "
              + String.join(", ", byName.keySet())
              + ")");
    }
    return provider;
  }
}

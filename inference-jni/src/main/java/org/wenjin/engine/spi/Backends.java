package org.wenjin.engine.spi;

import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Providers of one kind found by {@link ServiceLoader} with this library's class loader (the EAR's,
 * or the test class path), by the backend name operators write in the registry.
 */
final class Backends<P> {

  private static final Logger LOG = Logger.getLogger(Backends.class.getName());

  private final Map<String, P> byName = new TreeMap<>();
  private final String kind;

  Backends(Class<P> type, Function<P, String> name, String kind) {
    this.kind = kind;
    for (var candidate : ServiceLoader.load(type, type.getClassLoader()).stream().toList()) {
      try {
        P provider = candidate.get();
        byName.put(name.apply(provider), provider);
      } catch (ServiceConfigurationError | LinkageError e) {
        // an engine whose libraries are not installed (e.g. the WildFly module left out): the
        // other backends still work, and naming this one says it is not installed
        LOG.warning(() -> "backend " + candidate.type().getName() + " unavailable: " + e);
      }
    }
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

package org.wenjin.engine.djl;

import ai.djl.engine.Engine;
import java.util.function.Supplier;

/**
 * Runs DJL's loading code with DJL's own class loader as the context class loader: DJL finds its
 * engines and natives through it and starts engine threads that keep it. In WildFly that is the
 * org.wenjin.inference module, never the deployment, which a redeploy would otherwise pin.
 */
public final class DjlClassLoader {

  private DjlClassLoader() {}

  public static <T> T call(Supplier<T> loading) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(Engine.class.getClassLoader());
    try {
      return loading.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}

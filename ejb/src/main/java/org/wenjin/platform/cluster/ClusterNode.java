package org.wenjin.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's name among the nodes that share the database: {@code wenjin.node.name}, else
 * WildFly's {@code jboss.node.name} (the host name unless set; two nodes on one host must set it,
 * as the stack script does). Answers being written are marked with it.
 */
@ApplicationScoped
public class ClusterNode {

  static final int MAX_NAME = 64;

  @Inject
  @ConfigProperty(name = "wenjin.node.name")
  Optional<String> configured;

  private String name;

  /** The node's name, at most 64 characters. */
  public String name() {
    if (name == null) {
      String chosen =
          configured
              .filter(n -> !n.isBlank())
              .orElseGet(() -> System.getProperty("jboss.node.name", "node"))
              .strip();
      name = chosen.length() <= MAX_NAME ? chosen : chosen.substring(0, MAX_NAME);
    }
    return name;
  }
}

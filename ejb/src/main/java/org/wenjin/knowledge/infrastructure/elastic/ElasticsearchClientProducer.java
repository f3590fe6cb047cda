package org.wenjin.knowledge.infrastructure.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenjin.elastic.ElasticsearchClients;
import org.wenjin.elastic.ElasticsearchSettings;

/** One Elasticsearch client (and connection pool) for the whole application. */
@ApplicationScoped
public class ElasticsearchClientProducer {

  private static final Logger LOG = Logger.getLogger(ElasticsearchClientProducer.class.getName());

  @Inject
  @ConfigProperty(name = "wenjin.es.url")
  private String url;

  @Inject
  @ConfigProperty(name = "wenjin.es.username")
  private String username;

  @Inject
  @ConfigProperty(name = "wenjin.es.password")
  private String password;

  // @Singleton, not @ApplicationScoped: the client class cannot be proxied (no no-arg constructor).
  @Produces
  @Singleton
  ElasticsearchClient client() {
    return ElasticsearchClients.connect(ElasticsearchSettings.of(url, username, password));
  }

  void close(@Disposes ElasticsearchClient client) {
    try {
      client._transport().close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "closing the Elasticsearch client failed", e);
    }
  }
}

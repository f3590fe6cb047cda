package org.wenjin.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;

/** Builds the official Java client for the application's Elasticsearch. */
public final class ElasticsearchClients {

  private ElasticsearchClients() {}

  /** The caller owns the client and closes it (which closes its HTTP connection pool). */
  public static ElasticsearchClient connect(ElasticsearchSettings settings) {
    return ElasticsearchClient.of(
        b ->
            b.host(settings.url().toString())
                .usernameAndPassword(settings.username(), settings.password())
                .jsonMapper(new JacksonJsonpMapper()));
  }
}

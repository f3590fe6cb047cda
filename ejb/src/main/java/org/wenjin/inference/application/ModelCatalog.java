package org.wenjin.inference.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The models this installation offers, read once at startup from the file named by {@code
 * wenjin.models.file} (absent: only the extractive fallback). A broken file stops the deployment
 * with the reason, rather than running with a half-read registry.
 */
@Singleton
@Startup
@Lock(LockType.READ) // immutable after startup; every answer's label is looked up here
public class ModelCatalog {

  private static final Logger LOG = Logger.getLogger(ModelCatalog.class.getName());

  @Inject
  @ConfigProperty(name = "wenjin.models.file")
  Optional<String> registryFile;

  private ModelRegistryFile.Registry registry;

  @PostConstruct
  void load() {
    Properties file = new Properties();
    registryFile
        .filter(f -> !f.isBlank())
        .ifPresent(
            f -> {
              try (InputStream in = Files.newInputStream(Path.of(f))) {
                file.load(
                    new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new IllegalStateException(
                    "Cannot read the model registry " + f + ": " + e, e);
              }
            });
    registry =
        ModelRegistryFile.parse(
            file,
            registryFile
                .filter(f -> !f.isBlank())
                .map(f -> Path.of(f).toAbsolutePath().getParent())
                .orElse(null));
    LOG.info(
        () ->
            "Models: "
                + registry.models().stream().map(RegisteredModel::id).toList()
                + ", default "
                + registry.defaultModel()
                + registryFile.map(f -> " (from " + f + ")").orElse(""));
  }

  public List<RegisteredModel> models() {
    return registry.models();
  }

  public Optional<RegisteredModel> find(String id) {
    return registry.models().stream().filter(m -> m.id().equals(id)).findFirst();
  }

  public String defaultModel() {
    return registry.defaultModel();
  }
}

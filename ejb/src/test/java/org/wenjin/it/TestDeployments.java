package org.wenjin.it;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.wenjin.chat.domain.flow.BuiltInFlows;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.knowledge.application.EmbeddingQuotas;
import org.wenjin.knowledge.application.SearchResults;
import org.wenjin.knowledge.application.SearchService;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.platform.infrastructure.SchemaMigration;

/**
 * The WAR an Arquillian test deploys: the named service packages, the schema migration, the
 * persistence and inference libraries, and the same WildFly modules the EAR declares.
 */
public final class TestDeployments {

  private TestDeployments() {}

  /**
   * Chat with its tenancy, audit, inference and governance, and the search service's contract only:
   * {@code chat.it.NoKnowledgeSearch} answers it, so no Elasticsearch is needed.
   */
  public static WebArchive chatWithoutKnowledge(String name) throws URISyntaxException {
    return war(
            name,
            "org.wenjin.tenancy",
            "org.wenjin.audit",
            "org.wenjin.chat",
            "org.wenjin.inference",
            "org.wenjin.governance")
        .addPackage("org.wenjin.knowledge.domain")
        // the governance's quotas also serve the knowledge base's embeddings (QuotaGate)
        .addClasses(SearchService.class, SearchResults.class, EmbeddingQuotas.class);
  }

  public static WebArchive war(String name, String... servicePackages) throws URISyntaxException {
    File[] libraries =
        Maven.resolver()
            .loadPomFromFile("pom.xml")
            .resolve(
                "org.flywaydb:flyway-core",
                "org.assertj:assertj-core",
                "org.keycloak:keycloak-admin-client",
                "com.fasterxml.jackson.jakarta.rs:jackson-jakarta-rs-json-provider",
                "com.fasterxml.jackson.core:jackson-databind",
                "com.samskivert:jmustache",
                "org.snakeyaml:snakeyaml-engine")
            .withTransitivity()
            .asFile();
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, name + ".war")
            .addPackages(true, servicePackages)
            .addPackages(
                true,
                "org.wenjin.security",
                "org.wenjin.it",
                "org.wenjin.platform.cluster",
                "org.wenjin.platform.text")
            .addClass(SchemaMigration.class)
            .addClass(org.wenjin.platform.Jsonp.class)
            .addAsLibraries(libraries)
            .addAsResource(
                "flows") // the built-in flows, which every question's flow is chosen from
            // the rules' messages in both languages (their English is every exception's message)
            .addAsResource("org/wenjin/platform/text/rules.properties")
            .addAsResource("org/wenjin/platform/text/rules_zh_CN.properties")
            .addAsWebInfResource("META-INF/beans.xml", "beans.xml")
            .addAsWebInfResource(
                new StringAsset(
                    "<jboss-deployment-structure><deployment><dependencies>"
                        + "<module name=\"org.wildfly.security.elytron-http-oidc\"/>"
                        + "<module name=\"org.jboss.resteasy.resteasy-client\"/>"
                        + "<module name=\"org.jboss.resteasy.resteasy-core\"/>"
                        + "<module name=\"org.wenjin.inference\" services=\"import\"/>"
                        + "</dependencies></deployment></jboss-deployment-structure>"),
                "jboss-deployment-structure.xml");
    // the built-in flows, which every question's flow is chosen from, in a jar of their own: added
    // under WEB-INF/classes, failsafe's runs refused them ("points to an asset")
    JavaArchive flows = ShrinkWrap.create(JavaArchive.class, "built-in-flows.jar");
    for (String flow : BuiltInFlows.resources()) {
      flows.addAsResource(
          new StringAsset(new String(readFlow(flow), StandardCharsets.UTF_8)), flow);
    }
    war.addAsLibrary(flows);
    addJarOrClasses(war, Tenant.class, "org.wenjin.persistence");
    addJarOrClasses(war, ChatModel.class, "org.wenjin.engine");
    return war;
  }

  private static byte[] readFlow(String resource) {
    try (var in = BuiltInFlows.class.getClassLoader().getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A module's output is a folder when run in the reactor, a jar when from a local repository. */
  private static void addJarOrClasses(WebArchive war, Class<?> member, String rootPackage)
      throws URISyntaxException {
    File location = new File(member.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (!location.isDirectory()) {
      war.addAsLibrary(location);
      return;
    }
    war.addPackages(true, rootPackage);
    if (member == Tenant.class) {
      war.addAsResource("META-INF/persistence.xml").addAsResource("db/migration");
    } else {
      war.addAsResource("META-INF/services/org.wenjin.engine.spi.ChatModelProvider");
    }
  }
}

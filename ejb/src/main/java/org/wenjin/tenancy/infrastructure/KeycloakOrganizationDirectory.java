package org.wenjin.tenancy.infrastructure;

import static com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.domain.IdentityProviderException;
import org.wenjin.tenancy.domain.OrganizationDirectory;
import org.wenjin.tenancy.domain.TenantRuleViolation;

/**
 * Keycloak Organizations through the official admin client, as the service account of the
 * confidential client {@code wenjin-admin} (realm-management roles only, secret generated at first
 * run).
 */
@ApplicationScoped
public class KeycloakOrganizationDirectory implements OrganizationDirectory {

  private static final Logger LOG = Logger.getLogger(KeycloakOrganizationDirectory.class.getName());

  static final String REALM = "wenjin";
  static final String CLIENT_ID = "wenjin-admin";
  private static final int PAGE = 100;

  /** The user attribute Keycloak's themes read the language from (realm i18n on). */
  private static final String LOCALE = "locale";

  @Inject
  @ConfigProperty(name = "wenjin.keycloak.url")
  String serverUrl;

  @Inject
  @ConfigProperty(name = "wenjin.keycloak.admin-client-secret")
  String clientSecret;

  private Keycloak keycloak;

  @PostConstruct
  void connect() {
    // Our own Jackson provider: the representations carry the EAR's Jackson annotations, which
    // WildFly's Jackson module would not recognise.
    ObjectMapper mapper =
        new ObjectMapper()
            .configure(FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    var http =
        ClientBuilder.newBuilder()
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(15, TimeUnit.SECONDS)
            .register(new JacksonJsonProvider(mapper))
            .build();
    keycloak =
        KeycloakBuilder.builder()
            .serverUrl(serverUrl)
            .realm(REALM)
            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
            .clientId(CLIENT_ID)
            .clientSecret(clientSecret)
            .resteasyClient(http)
            .build();
  }

  @PreDestroy
  void close() {
    if (keycloak != null) {
      keycloak.close();
    }
  }

  private RealmResource realm() {
    return keycloak.realm(REALM);
  }

  @Override
  public List<Organization> all() {
    return call(
        () -> {
          List<Organization> result = new ArrayList<>();
          for (int first = 0; ; first += PAGE) {
            List<OrganizationRepresentation> page = realm().organizations().list(first, PAGE);
            page.forEach(o -> result.add(toOrganization(o)));
            if (page.size() < PAGE) {
              return result;
            }
          }
        });
  }

  @Override
  public Optional<Organization> find(String alias) {
    return findRepresentation(alias).map(KeycloakOrganizationDirectory::toOrganization);
  }

  @Override
  public void create(Organization organization) {
    OrganizationRepresentation rep = new OrganizationRepresentation();
    rep.setAlias(organization.alias());
    copy(organization, rep);
    call(
        () -> {
          try (Response response = realm().organizations().create(rep)) {
            expect(
                response,
                RuleMessage.of("tenancy.keycloak.op.create-organization", organization.alias()));
          }
          new KeycloakCompanyGroups(realm()).create(organization.alias());
          return null;
        });
  }

  @Override
  public void update(Organization organization) {
    OrganizationRepresentation rep = representation(organization.alias());
    copy(organization, rep);
    call(
        () -> {
          try (Response response = realm().organizations().get(rep.getId()).update(rep)) {
            expect(
                response,
                RuleMessage.of("tenancy.keycloak.op.update-organization", organization.alias()));
          }
          return null;
        });
  }

  @Override
  public void delete(String alias) {
    findRepresentation(alias)
        .ifPresent(
            rep ->
                call(
                    () -> {
                      try (Response response = realm().organizations().get(rep.getId()).delete()) {
                        expect(
                            response,
                            RuleMessage.of("tenancy.keycloak.op.delete-organization", alias));
                      }
                      new KeycloakCompanyGroups(realm()).delete(alias);
                      return null;
                    }));
  }

  @Override
  public List<Member> members(String alias) {
    OrganizationResource org = organization(alias);
    return call(
        () ->
            org.members().getAll().stream().map(KeycloakOrganizationDirectory::toMember).toList());
  }

  @Override
  public List<String> organizationsOf(String userId) {
    return call(
        () ->
            realm().organizations().members().getOrganizations(userId, true).stream()
                .map(OrganizationRepresentation::getAlias)
                .sorted()
                .toList());
  }

  @Override
  public Optional<Account> account(String userId) {
    return call(
        () -> {
          UserResource user = realm().users().get(userId);
          UserRepresentation representation;
          try {
            representation = user.toRepresentation();
          } catch (NotFoundException e) {
            return Optional.empty();
          }
          List<String> paths = new ArrayList<>();
          for (int first = 0; ; first += PAGE) {
            List<GroupRepresentation> page = user.groups(first, PAGE, true);
            page.stream()
                .map(GroupRepresentation::getPath)
                .filter(Objects::nonNull)
                .forEach(paths::add);
            if (page.size() < PAGE) {
              break;
            }
          }
          return Optional.of(
              new Account(
                  representation.getUsername(),
                  representation.getEmail(),
                  displayName(representation),
                  Boolean.TRUE.equals(representation.isEnabled()),
                  organizationsOf(userId),
                  paths,
                  user.roles().realmLevel().listEffective().stream()
                      .map(RoleRepresentation::getName)
                      .toList()));
        });
  }

  @Override
  public void chooseLocale(String userId, String languageTag) {
    call(
        () -> {
          UserResource user = realm().users().get(userId);
          UserRepresentation representation = user.toRepresentation();
          Map<String, List<String>> attributes =
              representation.getAttributes() == null
                  ? new HashMap<>()
                  : new HashMap<>(representation.getAttributes());
          if (List.of(languageTag).equals(attributes.get(LOCALE))) {
            return null;
          }
          attributes.put(LOCALE, List.of(languageTag));
          representation.setAttributes(attributes);
          user.update(representation);
          return null;
        });
  }

  @Override
  public Member addMember(String alias, String usernameOrEmail) {
    UserRepresentation user =
        call(
            () -> {
              List<UserRepresentation> found =
                  usernameOrEmail.contains("@")
                      ? realm().users().searchByEmail(usernameOrEmail, true)
                      : realm().users().searchByUsername(usernameOrEmail, true);
              return found.stream().findFirst().orElse(null);
            });
    if (user == null) {
      throw new TenantRuleViolation(RuleMessage.of("tenancy.keycloak.no-user", usernameOrEmail));
    }
    return join(alias, user);
  }

  @Override
  public Optional<Member> addVerifiedEmailMember(String alias, String email) {
    OrganizationResource org = organization(alias);
    Optional<UserRepresentation> user =
        call(
            () ->
                realm().users().searchByEmail(email, true).stream()
                    .filter(u -> Boolean.TRUE.equals(u.isEmailVerified()))
                    .filter(u -> email.equalsIgnoreCase(u.getEmail()))
                    .findFirst());
    return user.map(u -> join(org, alias, u));
  }

  private Member join(String alias, UserRepresentation user) {
    return join(organization(alias), alias, user);
  }

  private Member join(OrganizationResource org, String alias, UserRepresentation user) {
    call(
        () -> {
          try (Response response = org.members().addMember(user.getId())) {
            if (response.getStatus() == 409) {
              throw new TenantRuleViolation(
                  RuleMessage.of("tenancy.member.already", user.getUsername(), alias));
            }
            expect(response, RuleMessage.of("tenancy.keycloak.op.add-member", user.getUsername()));
          }
          return null;
        });
    return new Member(user.getUsername(), user.getEmail(), displayName(user));
  }

  private OrganizationResource organization(String alias) {
    return realm().organizations().get(representation(alias).getId());
  }

  private OrganizationRepresentation representation(String alias) {
    return findRepresentation(alias)
        .orElseThrow(
            () ->
                new TenantRuleViolation(RuleMessage.of("tenancy.keycloak.no-organization", alias)));
  }

  private Optional<OrganizationRepresentation> findRepresentation(String alias) {
    return call(
        () -> {
          for (int first = 0; ; first += PAGE) {
            List<OrganizationRepresentation> page = realm().organizations().list(first, PAGE);
            Optional<OrganizationRepresentation> hit =
                page.stream().filter(o -> alias.equals(o.getAlias())).findFirst();
            if (hit.isPresent() || page.size() < PAGE) {
              return hit;
            }
          }
        });
  }

  private static void copy(Organization from, OrganizationRepresentation to) {
    to.setName(from.name());
    to.setEnabled(from.enabled());
    if (from.emailDomain() != null && !from.emailDomain().isBlank()) {
      if (to.getDomains() != null) {
        List.copyOf(to.getDomains()).forEach(to::removeDomain);
      }
      OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
      domain.setName(from.emailDomain());
      to.addDomain(domain);
    }
  }

  private static Organization toOrganization(OrganizationRepresentation rep) {
    String domain =
        rep.getDomains() == null || rep.getDomains().isEmpty()
            ? null
            : rep.getDomains().iterator().next().getName();
    return new Organization(rep.getAlias(), rep.getName(), domain, rep.isEnabled());
  }

  private static Member toMember(MemberRepresentation rep) {
    return new Member(rep.getUsername(), rep.getEmail(), displayName(rep));
  }

  private static String displayName(UserRepresentation user) {
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .strip();
    return name.isEmpty() ? user.getUsername() : name;
  }

  private static void expect(Response response, RuleMessage what) {
    int status = response.getStatus();
    if (status == 409) {
      throw new TenantRuleViolation(RuleMessage.of("tenancy.keycloak.organization-taken", what));
    }
    if (status / 100 != 2) {
      throw new IdentityProviderException(RuleMessage.of("tenancy.keycloak.refused", what, status));
    }
  }

  /** Turns transport and HTTP failures into messages an administrator can act on. */
  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (ProcessingException e) {
      LOG.log(Level.WARNING, "Keycloak admin API unreachable", e);
      throw new IdentityProviderException(RuleMessage.of("tenancy.keycloak.unreachable"), e);
    } catch (WebApplicationException e) {
      LOG.log(Level.WARNING, "Keycloak admin API refused a call", e);
      int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
      if (status == 401 || status == 403) {
        throw new IdentityProviderException(
            RuleMessage.of("tenancy.keycloak.service-account-refused", CLIENT_ID), e);
      }
      throw new IdentityProviderException(RuleMessage.of("tenancy.keycloak.http-error", status), e);
    }
  }
}

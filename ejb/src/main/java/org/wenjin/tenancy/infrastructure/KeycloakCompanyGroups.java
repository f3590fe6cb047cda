package org.wenjin.tenancy.infrastructure;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.GroupResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.domain.CompanyGrants;
import org.wenjin.tenancy.domain.IdentityProviderException;

/**
 * The group tree that carries a company's roles and document groups in Keycloak: {@code
 * /<alias>/roles/tenant-admin}, {@code /<alias>/roles/auditor} and {@code /<alias>/groups/…} (read
 * by {@link CompanyGrants}). Created with the organization, so a platform admin only has to put
 * people into it; removed with it.
 */
final class KeycloakCompanyGroups {

  private final RealmResource realm;

  KeycloakCompanyGroups(RealmResource realm) {
    this.realm = realm;
  }

  void create(String alias) {
    String company = find("/" + alias).orElseGet(() -> topLevel(alias));
    String roles = child(company, alias, CompanyGrants.ROLES);
    for (String role : Roles.COMPANY) {
      child(roles, alias + "/" + CompanyGrants.ROLES, role);
    }
    child(company, alias, CompanyGrants.GROUPS);
  }

  void delete(String alias) {
    find("/" + alias).ifPresent(id -> realm.groups().group(id).remove());
  }

  private String topLevel(String alias) {
    try (Response response = realm.groups().add(named(alias))) {
      return created(response, "/" + alias);
    }
  }

  /** The id of {@code parent}'s child {@code name}, created when missing. */
  private String child(String parentId, String parentPath, String name) {
    Optional<String> existing = find("/" + parentPath + "/" + name);
    if (existing.isPresent()) {
      return existing.get();
    }
    GroupResource parent = realm.groups().group(parentId);
    try (Response response = parent.subGroup(named(name))) {
      return created(response, "/" + parentPath + "/" + name);
    }
  }

  private Optional<String> find(String path) {
    try {
      return Optional.of(realm.getGroupByPath(path).getId());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private static String created(Response response, String path) {
    if (response.getStatus() / 100 != 2) {
      throw new IdentityProviderException(
          RuleMessage.of("tenancy.keycloak.group-refused", path, response.getStatus()));
    }
    return CreatedResponseUtil.getCreatedId(response);
  }

  private static GroupRepresentation named(String name) {
    GroupRepresentation group = new GroupRepresentation();
    group.setName(name);
    group.setSubGroups(List.of());
    return group;
  }
}

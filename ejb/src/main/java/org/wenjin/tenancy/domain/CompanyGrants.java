package org.wenjin.tenancy.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.wenjin.security.Roles;

/**
 * What a user may do in one company, read from the full group paths of their token. Keycloak grants
 * a company role as membership of {@code /<alias>/roles/<role>} and a document group as membership
 * of {@code /<alias>/groups/<name>}; a path under another company's group, a bare realm group or an
 * unknown role grants nothing here. Only the paths of the company the caller acts for are ever
 * read, which is what keeps an admin of one company a plain user of the next.
 *
 * @param roles company roles ({@link Roles#COMPANY}) held in this company
 * @param groups document group names (without the path) the user is in, in this company
 */
public record CompanyGrants(Set<String> roles, List<String> groups) {

  public static final String ROLES = "roles";
  public static final String GROUPS = "groups";

  public CompanyGrants {
    roles = Set.copyOf(roles);
    groups = List.copyOf(groups);
  }

  public static CompanyGrants none() {
    return new CompanyGrants(Set.of(), List.of());
  }

  /**
   * @param groupPaths the token's {@code groups} claim (full paths, e.g. {@code /acme/groups/hr})
   * @param alias the company's organization alias
   */
  public static CompanyGrants of(List<String> groupPaths, String alias) {
    Set<String> roles = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    for (String path : groupPaths) {
      String[] part = path.split("/", -1);
      // "", alias, kind, name: exactly one level below the kind, nothing deeper
      if (part.length != 4 || !part[0].isEmpty() || !part[1].equals(alias) || part[3].isBlank()) {
        continue;
      }
      if (part[2].equals(ROLES) && Roles.COMPANY.contains(part[3])) {
        roles.add(part[3]);
      } else if (part[2].equals(GROUPS)) {
        groups.add(part[3]);
      }
    }
    return new CompanyGrants(roles, new ArrayList<>(groups));
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}

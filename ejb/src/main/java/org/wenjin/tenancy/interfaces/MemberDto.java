package org.wenjin.tenancy.interfaces;

import java.io.Serializable;
import org.wenjin.tenancy.domain.OrganizationDirectory.Member;

/** A member of a tenant, as Keycloak knows them. */
public record MemberDto(String username, String email, String displayName) implements Serializable {

  static MemberDto of(Member member) {
    return new MemberDto(member.username(), member.email(), member.displayName());
  }
}

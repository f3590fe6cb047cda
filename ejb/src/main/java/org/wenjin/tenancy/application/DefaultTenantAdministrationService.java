package org.wenjin.tenancy.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.domain.OrganizationDirectory;
import org.wenjin.tenancy.domain.OrganizationDirectory.Member;
import org.wenjin.tenancy.domain.OrganizationDirectory.Organization;
import org.wenjin.tenancy.domain.TenantNames;
import org.wenjin.tenancy.domain.TenantRepository;
import org.wenjin.tenancy.domain.TenantRuleViolation;

@Stateless
public class DefaultTenantAdministrationService implements TenantAdministrationService {

  private final TenantRepository tenants;
  private final OrganizationDirectory directory;
  private final AdminAuditLog audit;

  @Inject
  public DefaultTenantAdministrationService(
      TenantRepository tenants, OrganizationDirectory directory, AdminAuditLog audit) {
    this.tenants = tenants;
    this.directory = directory;
    this.audit = audit;
  }

  /** For the EJB container's proxy only. */
  protected DefaultTenantAdministrationService() {
    this(null, null, null);
  }

  @Override
  public List<Tenant> list() {
    for (Organization org : directory.all()) {
      if (tenants.findByAlias(org.alias()).isEmpty()) {
        tenants.add(org.newTenant(Instant.now()));
      }
    }
    return tenants.all();
  }

  @Override
  public Tenant create(String alias, String name, String emailDomain, String actor) {
    String validAlias = TenantNames.alias(alias);
    String validName = TenantNames.name(name);
    String validDomain = TenantNames.emailDomain(emailDomain);
    if (tenants.findByAlias(validAlias).isPresent()) {
      throw new TenantRuleViolation(RuleMessage.of("tenancy.tenant.alias-taken", validAlias));
    }
    Organization organization = new Organization(validAlias, validName, validDomain, true);
    directory.create(organization);
    try {
      Tenant tenant = tenants.add(organization.newTenant(Instant.now()));
      audit.record(actor, tenant.getId(), "tenant.created", validAlias + " \"" + validName + "\"");
      return tenant;
    } catch (RuntimeException e) {
      directory.delete(validAlias); // keep Keycloak and the app in agreement
      throw e;
    }
  }

  @Override
  public Tenant rename(String alias, String name, String actor) {
    Tenant tenant = existing(alias);
    String validName = TenantNames.name(name);
    String before = tenant.getDisplayName();
    directory.update(organization(tenant, validName, tenant.isEnabled()));
    tenant.rename(validName);
    audit.record(actor, tenant.getId(), "tenant.renamed", before + " → " + validName);
    return tenant;
  }

  @Override
  public Tenant setEnabled(String alias, boolean enabled, String actor) {
    Tenant tenant = existing(alias);
    directory.update(organization(tenant, tenant.getDisplayName(), enabled));
    tenant.setEnabled(enabled);
    audit.record(actor, tenant.getId(), enabled ? "tenant.enabled" : "tenant.disabled", alias);
    return tenant;
  }

  @Override
  public List<Member> members(String alias) {
    return directory.members(existing(alias).getAlias());
  }

  @Override
  public Member addMember(String alias, String usernameOrEmail, String actor) {
    Tenant tenant = existing(alias);
    String who = usernameOrEmail == null ? "" : usernameOrEmail.strip();
    if (who.isEmpty()) {
      throw new TenantRuleViolation(RuleMessage.of("tenancy.member.who-missing"));
    }
    Member member = directory.addMember(tenant.getAlias(), who);
    audit.record(actor, tenant.getId(), "tenant.member-added", member.username());
    return member;
  }

  @Override
  public Member admitColleague(String alias, String email, String actor) {
    Tenant tenant = existing(alias);
    String domain = tenant.getEmailDomain();
    if (domain == null || domain.isBlank()) {
      throw new TenantRuleViolation(RuleMessage.of("tenancy.member.no-domain"));
    }
    String address = email == null ? "" : email.strip();
    if (!MemberAdmission.inDomain(address, domain)) {
      // checked before any lookup: an address outside the domain reveals nothing about anyone
      throw new TenantRuleViolation(RuleMessage.of("tenancy.member.outside-domain", domain));
    }
    Member member =
        directory
            .addVerifiedEmailMember(tenant.getAlias(), address)
            .orElseThrow(
                () ->
                    new TenantRuleViolation(
                        RuleMessage.of("tenancy.member.not-signed-up", address)));
    audit.record(actor, tenant.getId(), "tenant.member-added", member.username());
    return member;
  }

  private Tenant existing(String alias) {
    return tenants
        .findByAlias(alias == null ? "" : alias.strip())
        .orElseThrow(
            () -> new TenantRuleViolation(RuleMessage.of("tenancy.tenant.not-found", alias)));
  }

  private static Organization organization(Tenant tenant, String name, boolean enabled) {
    return new Organization(tenant.getAlias(), name, tenant.getEmailDomain(), enabled);
  }
}

package org.wenjin.tenancy.application;

import java.util.List;
import java.util.Optional;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.domain.TenantRuleViolation;
import org.wenjin.tenancy.interfaces.ApiKeyDto;
import org.wenjin.tenancy.interfaces.ApiKeyPrincipal;
import org.wenjin.tenancy.interfaces.CreatedApiKeyDto;

/**
 * Personal API keys: a user creates, lists and revokes their own in the company they act for; the
 * company's tenant admins list and revoke everyone's there; a request to the OpenAI-compatible API
 * signs in with one. Every creation and revocation is audited in the key's company.
 */
public interface ApiKeyService {

  /** At most this many working keys per user and company. */
  int MAX_ACTIVE = 20;

  CreatedApiKeyDto create(ActingCaller caller, String name);

  List<ApiKeyDto> mine(ActingCaller caller);

  /** Revokes one of the caller's keys; an unknown id or another user's key is "not found". */
  void revokeMine(ActingCaller caller, long keyId);

  List<ApiKeyDto> company(ActingCaller admin);

  void revokeInCompany(ActingCaller admin, long keyId);

  /**
   * The caller a presented key stands for: empty when it is no key, revoked, its company is
   * disabled, or its owner may no longer act there. Never says which.
   */
  Optional<ApiKeyPrincipal> authenticate(String secret);

  /** Unknown, or another user's (or company's): the same answer, so ids reveal nothing. */
  static TenantRuleViolation notFound() {
    return TenantRuleViolation.notFound(RuleMessage.of("tenancy.api-key.not-found"));
  }
}

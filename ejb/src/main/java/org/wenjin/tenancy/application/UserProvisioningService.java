package org.wenjin.tenancy.application;

import org.wenjin.tenancy.domain.CallerIdentity;

/**
 * Just-in-time provisioning: records (or refreshes) the calling user and the tenants their token
 * names, so that tenant-owned data can refer to them.
 */
public interface UserProvisioningService {

  SignedInUser provision(CallerIdentity caller);
}

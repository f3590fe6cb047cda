package org.wenjin.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The caller must hold one of these {@linkplain Roles#COMPANY company roles} in the company they
 * act for. On a facade (class or method, the method's wins) the {@code TenantScoped} interceptor
 * checks it once the tenant is resolved; on a view the UI's navigation access control does. It
 * comes in addition to {@code @RolesAllowed}, which still admits the realm role ({@code user}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CompanyRole {

  String[] value();
}

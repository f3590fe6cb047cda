/**
 * Conversations, their turns and a tenant's chat settings: all tenant-owned ({@code @TenantId}).
 */
package org.wenjin.persistence.chat;

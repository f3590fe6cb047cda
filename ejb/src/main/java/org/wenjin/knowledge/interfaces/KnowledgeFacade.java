package org.wenjin.knowledge.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.List;
import java.util.Optional;
import org.wenjin.knowledge.application.DocumentService;
import org.wenjin.knowledge.application.KnowledgeSettingsService;
import org.wenjin.knowledge.application.SearchService;
import org.wenjin.knowledge.application.UploadCommand;
import org.wenjin.knowledge.domain.Facet;
import org.wenjin.knowledge.domain.KnowledgeSettings;
import org.wenjin.knowledge.domain.SearchFilters;
import org.wenjin.knowledge.domain.UploadRules;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.CallerScope;
import org.wenjin.tenancy.interfaces.TenantScoped;

/**
 * The knowledge base of the caller's company: tenant admins manage documents, every member
 * searches. The tenant and the caller's groups come from {@link TenantScoped}; document ids from
 * the client are only looked up inside that tenant.
 */
@Stateless
@RolesAllowed(Roles.USER)
@Interceptors(TenantScoped.class)
public class KnowledgeFacade {

  @Inject private DocumentService documents;

  @Inject private SearchService search;

  @Inject private KnowledgeSettingsService settings;

  @CompanyRole(Roles.TENANT_ADMIN)
  public DocumentDto upload(UploadRequest upload) {
    return DocumentDto.of(
        documents.upload(
            CallerScope.current(),
            new UploadCommand(
                upload.fileName(),
                upload.bytes(),
                upload.title(),
                upload.collection(),
                upload.labels(),
                upload.visibleTo())));
  }

  /** What an upload may be: the upload form and the API check it before sending or reading. */
  @CompanyRole(Roles.TENANT_ADMIN)
  public UploadLimitsDto uploadLimits() {
    return new UploadLimitsDto(documents.maxUploadBytes(), UploadRules.ACCEPTED_FILE_TYPES);
  }

  @CompanyRole(Roles.TENANT_ADMIN)
  public List<DocumentDto> documents() {
    return documents.list().stream().map(DocumentDto::of).toList();
  }

  /** One page (from 0) of {@link #documents()}, {@code size} at most, for the API. */
  @CompanyRole(Roles.TENANT_ADMIN)
  public List<DocumentDto> documents(int page, int size) {
    // a page far beyond the last one is empty, not an overflow into a negative offset
    int offset = (int) Math.min((long) page * size, Integer.MAX_VALUE);
    return documents.list(offset, size).stream().map(DocumentDto::of).toList();
  }

  @CompanyRole(Roles.TENANT_ADMIN)
  public DocumentDto document(long documentId) {
    return DocumentDto.of(documents.get(documentId));
  }

  @CompanyRole(Roles.TENANT_ADMIN)
  public void delete(long documentId) {
    documents.delete(documentId);
  }

  @CompanyRole(Roles.TENANT_ADMIN)
  public DocumentDto reindex(long documentId) {
    return DocumentDto.of(documents.reindex(documentId));
  }

  @CompanyRole(Roles.TENANT_ADMIN)
  public int reindexAll() {
    return documents.reindexAll();
  }

  @CompanyRole(Roles.TENANT_ADMIN)
  public KnowledgeSettingsDto settings() {
    return KnowledgeSettingsDto.of(settings.current());
  }

  /** New passage sizes apply to documents indexed from now on (Re-index all applies them). */
  @CompanyRole(Roles.TENANT_ADMIN)
  public KnowledgeSettingsDto changeSettings(KnowledgeSettingsDto changed) {
    return KnowledgeSettingsDto.of(
        settings.change(
            KnowledgeSettings.of(
                changed.chunkSize(),
                changed.chunkOverlap(),
                changed.passages(),
                changed.minSimilarity())));
  }

  /** Titles and headings that complete what the caller is typing in the search box. */
  public List<String> suggest(String prefix) {
    return search.suggest(prefix);
  }

  /** The original file of a document the caller may see (for the document view). */
  public DocumentFileDto original(long documentId) {
    var file = documents.original(CallerScope.current(), documentId);
    return new DocumentFileDto(file.fileName(), file.mediaType(), file.bytes());
  }

  /** Names of the collections the caller's visible documents belong to. */
  public List<String> collections() {
    return search.collections().stream().map(Facet::value).toList();
  }

  /** The passages of a document the caller may see (for the document view). */
  public List<SearchHitDto> passages(long documentId) {
    return search.document(documentId).stream().map(SearchHitDto::of).toList();
  }

  /**
   * @param collection, label, mediaType narrow the search; null or blank: no restriction
   */
  public SearchResultsDto search(
      String query, String collection, String label, String mediaType, int page, int size) {
    return SearchResultsDto.of(
        search.search(
            query,
            new SearchFilters(
                collection == null || collection.isBlank() ? List.of() : List.of(collection),
                Optional.ofNullable(label),
                Optional.ofNullable(mediaType)),
            page,
            size));
  }
}

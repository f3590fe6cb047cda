package org.wenjin.knowledge.application;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenjin.audit.application.AuditLog;
import org.wenjin.knowledge.domain.DocumentParser;
import org.wenjin.knowledge.domain.DocumentRepository;
import org.wenjin.knowledge.domain.KnowledgeIndex;
import org.wenjin.knowledge.domain.KnowledgeRules;
import org.wenjin.knowledge.domain.UnreadableDocumentException;
import org.wenjin.knowledge.domain.UploadRules;
import org.wenjin.persistence.knowledge.KnowledgeDocument;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.application.ActingCaller;

@Stateless
public class DefaultDocumentService implements DocumentService {

  @Inject private DocumentRepository documents;

  @Inject private AuditLog audit;

  @Inject private DocumentParser parser;

  @Inject private KnowledgeIndex index;

  @Inject private IngestionWorker worker;

  @Resource private TransactionSynchronizationRegistry transactions;

  @Inject
  @ConfigProperty(
      name = "wenjin.knowledge.max-upload-mb",
      defaultValue = UploadRules.DEFAULT_MAX_UPLOAD_MB)
  int maxUploadMb;

  @Override
  public long maxUploadBytes() {
    return maxUploadMb * 1024L * 1024L;
  }

  @Override
  public KnowledgeDocument upload(ActingCaller caller, UploadCommand upload) {
    String sourceName = UploadRules.sourceName(upload.fileName());
    byte[] bytes = upload.bytes() == null ? new byte[0] : upload.bytes();
    UploadRules.size(bytes.length, maxUploadBytes());
    String collection = UploadRules.collection(upload.collection());
    List<String> labels = UploadRules.names(upload.labels(), "label");
    List<String> groups = UploadRules.names(upload.visibleTo(), "group");
    String mediaType;
    try {
      mediaType = parser.detect(bytes, sourceName);
    } catch (UnreadableDocumentException e) {
      throw new KnowledgeRules(
          RuleMessage.of("knowledge.upload.unreadable", sourceName, e.explanation()));
    }
    String sha256 = sha256(bytes);
    documents
        .findBySha256(sha256)
        .ifPresent(
            existing -> {
              throw new KnowledgeRules(
                  RuleMessage.of("knowledge.upload.duplicate", sourceName, existing.getTitle()));
            });
    KnowledgeDocument document =
        new KnowledgeDocument(
            UploadRules.title(upload.title(), null, sourceName),
            sourceName,
            mediaType,
            bytes.length,
            sha256,
            collection,
            labels,
            groups,
            caller.userId(),
            Instant.now());
    documents.add(document, bytes);
    audit.action(
        "document.uploaded",
        described(document)
            .add("mediaType", mediaType)
            .add("bytes", bytes.length)
            .add("sha256", sha256)
            .add("collection", collection)
            .add("labels", JSON.createArrayBuilder(labels))
            .add("visibleTo", JSON.createArrayBuilder(groups))
            .build());
    wakeWorkerAfterCommit();
    return document;
  }

  @Override
  public List<KnowledgeDocument> list() {
    return documents.list();
  }

  @Override
  public List<KnowledgeDocument> list(int offset, int limit) {
    if (offset < 0 || limit < 1) {
      throw new KnowledgeRules(RuleMessage.of("knowledge.documents.page"));
    }
    return documents.list(offset, limit);
  }

  @Override
  public KnowledgeDocument get(long documentId) {
    return documents.find(documentId).orElseThrow(KnowledgeRules::notFound);
  }

  @Override
  public DocumentFile original(ActingCaller caller, long documentId) {
    KnowledgeDocument document = get(documentId);
    List<String> groups = document.getVisibleTo();
    if (!groups.isEmpty() && groups.stream().noneMatch(caller.groups()::contains)) {
      throw KnowledgeRules.notFound();
    }
    return new DocumentFile(
        document.getSourceName(), document.getMediaType(), documents.content(documentId));
  }

  @Override
  public void delete(long documentId) {
    KnowledgeDocument document = get(documentId);
    // The rows first (their lock makes a worker indexing this document wait, then see it gone and
    // remove what it wrote), then the index; if the index is down, the transaction rolls back and
    // nothing is deleted: the admin is told to try again.
    documents.delete(document);
    index.delete(document.getId(), 0, Math.max(document.getChunkHighWater(), chunks(document)));
    // last: the company's audit chain stays locked until the commit, not during the index deletes
    audit.action("document.deleted", described(document).build());
  }

  @Override
  public KnowledgeDocument reindex(long documentId) {
    KnowledgeDocument document = get(documentId);
    documents.enqueue(document);
    audit.action("document.reindexed", described(document).build());
    wakeWorkerAfterCommit();
    return document;
  }

  @Override
  public int reindexAll() {
    List<KnowledgeDocument> all = documents.list();
    all.forEach(documents::enqueue);
    audit.action(
        "document.reindexed-all", JSON.createObjectBuilder().add("documents", all.size()).build());
    wakeWorkerAfterCommit();
    return all.size();
  }

  private static JsonObjectBuilder described(KnowledgeDocument document) {
    return JSON.createObjectBuilder()
        .add("documentId", document.getId())
        .add("title", document.getTitle())
        .add("source", document.getSourceName());
  }

  private static int chunks(KnowledgeDocument document) {
    return document.getChunksTotal() == null ? 0 : document.getChunksTotal();
  }

  private void wakeWorkerAfterCommit() {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            worker.wake();
          }
        });
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

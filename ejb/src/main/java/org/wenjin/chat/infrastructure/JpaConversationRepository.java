package org.wenjin.chat.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wenjin.chat.domain.ConversationRepository;
import org.wenjin.persistence.chat.ChatTurn;
import org.wenjin.persistence.chat.Conversation;
import org.wenjin.persistence.chat.TenantChatSettings;

/** JPA; the tenant restriction comes from {@code @TenantId}, so no query here mentions it. */
@ApplicationScoped
public class JpaConversationRepository implements ConversationRepository {

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  @Override
  public Conversation add(Conversation conversation) {
    em.persist(conversation);
    return conversation;
  }

  @Override
  public Optional<Conversation> find(long id) {
    // a query, not em.find: find() by primary key would bypass the tenant filter
    return em.createQuery("select c from Conversation c where c.id = :id", Conversation.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Conversation> ownedBy(long ownerId, String text, int offset, int limit) {
    String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
    String matches =
        text.isBlank()
            ? ""
            : " and (lower(c.title) like :p or exists (select t from ChatTurn t where"
                + " t.conversationId = c.id and (lower(t.question) like :p or lower(t.answer) like :p)))";
    var query =
        em.createQuery(
                "select c from Conversation c where c.ownerId = :owner"
                    + matches
                    + " order by c.updatedAt desc, c.id desc",
                Conversation.class)
            .setParameter("owner", ownerId)
            .setFirstResult(offset)
            .setMaxResults(limit);
    if (!text.isBlank()) {
      query.setParameter("p", pattern);
    }
    return query.getResultList();
  }

  @Override
  public List<Conversation> notUpdatedSince(java.time.Instant cutoff, int limit) {
    return em.createQuery(
            "select c from Conversation c where c.updatedAt < :cutoff order by c.updatedAt",
            Conversation.class)
        .setParameter("cutoff", cutoff)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void remove(Conversation conversation) {
    em.createQuery("delete from ChatTurn t where t.conversationId = :c")
        .setParameter("c", conversation.getId())
        .executeUpdate();
    em.remove(conversation);
  }

  @Override
  public ChatTurn add(ChatTurn turn) {
    em.persist(turn);
    return turn;
  }

  @Override
  public Optional<ChatTurn> findTurn(long id) {
    return em.createQuery("select t from ChatTurn t where t.id = :id", ChatTurn.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ChatTurn> turns(long conversationId) {
    return em.createQuery(
            "select t from ChatTurn t where t.conversationId = :c order by t.position",
            ChatTurn.class)
        .setParameter("c", conversationId)
        .getResultList();
  }

  @Override
  public void removeTurnsFrom(long conversationId, int position) {
    em.createQuery("delete from ChatTurn t where t.conversationId = :c and t.position >= :p")
        .setParameter("c", conversationId)
        .setParameter("p", position)
        .executeUpdate();
  }

  @Override
  public void removeTurn(ChatTurn turn) {
    em.remove(turn);
  }

  @Override
  public TenantChatSettings saveSettings(TenantChatSettings settings) {
    em.persist(settings);
    return settings;
  }

  @Override
  public Optional<TenantChatSettings> settings() {
    return em.createQuery("select s from TenantChatSettings s", TenantChatSettings.class)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void flush() {
    em.flush();
  }
}

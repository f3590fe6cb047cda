package org.wenjin.ui.common;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import jakarta.ejb.EJBException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wenjin.platform.text.Explained;
import org.wenjin.ui.i18n.Tr;

/** Runs a server call from a view and tells the user how it went, in words, never a trace. */
public final class Notices {

  private static final Logger LOG = Logger.getLogger(Notices.class.getName());

  private Notices() {}

  /**
   * @param success what to say when it worked, or {@code null} to say nothing
   * @return whether it worked
   */
  public static boolean attempt(Runnable action, String success) {
    try {
      action.run();
      if (success != null) {
        show(success, NotificationVariant.LUMO_SUCCESS);
      }
      return true;
    } catch (RuntimeException e) {
      refused(e);
      return false;
    }
  }

  /** Tells the user why a server call they made was refused or failed. */
  public static void refused(RuntimeException e) {
    String reason = reason(e);
    LOG.log(Level.INFO, "action refused: " + reason, e);
    show(reason, NotificationVariant.LUMO_ERROR);
  }

  private static String reason(RuntimeException e) {
    Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof Explained explained) {
      // the services say why as a key and its arguments: said here in the user's language
      return explained.explanation().in(Tr.locale());
    }
    // an error no rule explains (a refused role, a failure): its words are the server's own
    return cause.getMessage() == null
        ? Tr.t("common.failed")
        : Tr.t("common.refused", cause.getMessage());
  }

  public static void show(String text, NotificationVariant variant) {
    Notification notification = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
    notification.addThemeVariants(variant);
  }
}

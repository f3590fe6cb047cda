package org.wenjin.ui.layout;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.wenjin.tenancy.interfaces.SessionDto;
import org.wenjin.ui.session.CurrentUser;

/**
 * The root URL: sends each user to the first page their roles open (chat for employees, admin for
 * platform admins, audit for auditors).
 */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

  @Inject private CurrentUser currentUser;

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    SessionDto session = currentUser.get();
    Arrays.stream(NavigationEntry.values())
        .filter(entry -> entry.visibleTo(session))
        .findFirst()
        .ifPresentOrElse(
            entry -> event.forwardTo(entry.view()),
            () -> setText(getTranslation("shell.home.no-role")));
  }
}

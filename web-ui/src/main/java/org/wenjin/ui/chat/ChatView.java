package org.wenjin.ui.chat;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.wenjin.security.Roles;
import org.wenjin.ui.common.ComingNext;
import org.wenjin.ui.layout.MainLayout;

/** Landing page: chat with the assistant over the company's documents. */
@Route(value = "chat", layout = MainLayout.class)
@PageTitle("Chat · Wenjin")
@RolesAllowed({Roles.USER, Roles.TENANT_ADMIN})
public class ChatView extends ComingNext {

  public ChatView() {
    super(
        "chat-view",
        "Chat",
        "Ask questions and get answers from your company's documents, with citations."
            + " 基于公司文档的问答，附引用来源。");
  }
}

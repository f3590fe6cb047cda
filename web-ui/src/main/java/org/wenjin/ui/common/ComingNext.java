package org.wenjin.ui.common;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The body of a page whose feature is being built: says what it will do. */
public class ComingNext extends VerticalLayout {

  public ComingNext(String id, String heading, String description) {
    setId(id);
    H2 title = new H2(heading);
    Paragraph text = new Paragraph(description);
    Paragraph soon = new Paragraph("Coming next.");
    soon.addClassName("wenjin-coming-next");
    add(title, text, soon);
  }
}

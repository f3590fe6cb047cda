package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.function.IntConsumer;

/** "Previous" and "Next" through the result pages; a click fires {@link PageEvent}. */
class SearchPager extends HorizontalLayout {

  SearchPager() {
    setId("search-pager");
  }

  /** Offers the pages around {@code page} (from 0) of {@code total} hits, {@code size} a page. */
  void show(int page, int total, int size) {
    removeAll();
    if (page > 0) {
      Button previous =
          new Button(
              getTranslation("knowledge.pager.previous"),
              e -> fireEvent(new PageEvent(this, page - 1)));
      previous.setId("search-previous");
      add(previous);
    }
    if ((page + 1) * size < total) {
      Button next =
          new Button(
              getTranslation("knowledge.pager.next"),
              e -> fireEvent(new PageEvent(this, page + 1)));
      next.setId("search-next");
      add(next);
    }
  }

  Registration onPage(IntConsumer listener) {
    return addListener(PageEvent.class, e -> listener.accept(e.page));
  }

  /** The user wants another page of the same search. */
  static final class PageEvent extends ComponentEvent<SearchPager> {
    final int page;

    PageEvent(SearchPager source, int page) {
      super(source, false);
      this.page = page;
    }
  }
}

package org.wenjin.tenancy.application;

/** The language a user chose for the app, kept for every later sign-in. */
public interface LanguageChoiceService {

  /**
   * Stores the choice for the user and hands it to the identity provider's own pages.
   *
   * @param languageTag {@code en} or {@code zh-CN}, already canonical
   */
  void choose(SignedInUser signedIn, String languageTag);
}

package org.wenjin.bench;

import java.io.File;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person chatting in headless Chromium during a soak: signs in, asks, waits for the answer to
 * finish, and every few questions reloads the page, so the server also sees Vaadin UIs (and their
 * push connections) that are left behind, as closed tabs leave them.
 */
final class BrowserChat implements AutoCloseable {

  private static final int QUESTIONS_PER_PAGE = 5;

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final String app;
  private int asked;

  BrowserChat(String app) {
    this.app = app;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("wenjin.it.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--lang=en-US",
        "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("wenjin.it.chromedriver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(120)); // a sign-in under full load is slow
    // a soak stopped with Ctrl-C ends the JVM without closing this: Chromium would run on
    Runtime.getRuntime().addShutdownHook(new Thread(this::quitQuietly));
  }

  void signIn(String user, String password) {
    driver.get(app + "/chat");
    type(By.id("username"), user);
    driver.findElement(By.id("kc-login")).click();
    type(By.id("password"), password);
    driver.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-view")));
  }

  /** Asks in the open conversation; the answer's status once it is no longer streaming. */
  String ask(String question) {
    if (asked > 0 && asked % QUESTIONS_PER_PAGE == 0) {
      driver.get(app + "/chat"); // leaves the old UI behind, like a closed tab
    }
    asked++;
    WebElement input =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chat-input textarea")));
    int before = turns().size();
    input.sendKeys(question);
    input.sendKeys(Keys.ENTER);
    wait.until(d -> turns().size() > before);
    List<WebElement> turns = turns();
    String id = turns.get(turns.size() - 1).getAttribute("id").substring("turn-".length());
    return wait.until(
        d -> {
          String status = d.findElement(By.id("state-" + id)).getAttribute("status");
          return status == null || status.equals("STREAMING") ? null : status;
        });
  }

  private List<WebElement> turns() {
    return driver.findElements(By.cssSelector("[id^='turn-']"));
  }

  private void type(By field, String text) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(field)).sendKeys(text);
  }

  @Override
  public void close() {
    driver.quit();
  }

  private void quitQuietly() {
    try {
      driver.quit();
    } catch (RuntimeException e) {
      // already closed
    }
  }
}

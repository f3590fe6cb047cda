package org.wenjin.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium with its own chromedriver, given by path so that Selenium never tries to
 * download a browser or a driver. One browser per test: every test starts signed out.
 */
final class Browser implements AutoCloseable {

  private static final String CHROMIUM =
      System.getProperty("wenjin.it.chromium", "/usr/bin/chromium");
  private static final String DRIVER =
      System.getProperty("wenjin.it.chromedriver", "/usr/bin/chromedriver");

  final WebDriver driver;
  private final WebDriverWait wait;

  Browser() {
    this("en-US", "1280,900");
  }

  /**
   * @param language the browser's language, which it sends as {@code Accept-Language} (e.g. {@code
   *     zh-CN})
   * @param windowSize {@code width,height} in CSS pixels (e.g. a phone's {@code 360,780})
   */
  Browser(String language, String windowSize) {
    ChromeOptions options = new ChromeOptions();
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=" + language,
        "--window-size=" + windowSize);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  void open(String path) {
    driver.get(Stack.APP_URL + path);
  }

  /** Keycloak's identity-first login: the username page, then the password page. */
  void signIn(String username, String password) {
    type(By.id("username"), username);
    driver.findElement(By.id("kc-login")).click();
    type(By.id("password"), password);
    driver.findElement(By.id("kc-login")).click();
  }

  /**
   * Types into a field once it shows. The redirects to Keycloak can still be settling when the
   * field first appears (CI saw "aborted by navigation" once): then the field is found again on the
   * page that stays.
   */
  private void type(By field, String text) {
    for (int attempt = 1; ; attempt++) {
      try {
        wait.until(ExpectedConditions.visibilityOfElementLocated(field)).sendKeys(text);
        return;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 3) {
          throw e;
        }
      } catch (org.openqa.selenium.WebDriverException e) {
        if (attempt == 3 || !String.valueOf(e.getMessage()).contains("navigat")) {
          throw e;
        }
      }
    }
  }

  WebElement await(By locator) {
    try {
      return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("missing-element");
      throw new AssertionError(
          "no visible "
              + locator
              + " on "
              + driver.getCurrentUrl()
              + " ('"
              + driver.getTitle()
              + "'; screenshot missing-element.png)",
          e);
    }
  }

  void awaitText(By locator, String text) {
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("missing-text");
      throw e;
    }
  }

  /**
   * Waits for a notification of the given kind ("success" or "error") containing the text; Vaadin
   * renders notifications as cards in an overlay, themed by their variant.
   */
  void awaitNotification(String kind, String text) {
    By card = By.cssSelector("vaadin-notification-card[theme~='" + kind + "']");
    try {
      wait.until(
          d ->
              d.findElements(card).stream().anyMatch(c -> c.getText().contains(text))
                  ? true
                  : null);
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("missing-notification");
      List<String> shown =
          driver.findElements(By.tagName("vaadin-notification-card")).stream()
              .map(c -> c.getAttribute("theme") + ": " + c.getText())
              .toList();
      throw new AssertionError(
          "no " + kind + " notification with '" + text + "'; shown: " + shown, e);
    }
  }

  Object js(String script, Object... args) {
    return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Runs a script that ends by calling its last argument with the result. */
  Object asyncJs(String script, Object... args) {
    return ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  /**
   * A phone's screen (CSS pixels): headless Chromium keeps its window at least 500 pixels wide, so
   * the page is given a phone's viewport instead, as DevTools' device mode does.
   */
  void emulatePhone(int width, int height) {
    ((ChromeDriver) driver)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            java.util.Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
  }

  /** Lets the page write and read the clipboard, as a user allowing it would. */
  void grantClipboard() {
    ((ChromeDriver) driver).setPermission("clipboard-read", "granted");
    ((ChromeDriver) driver).setPermission("clipboard-write", "granted");
  }

  /** Waits until {@code condition} holds, checking every 50 ms, up to the default timeout. */
  void until(String what, java.util.function.BooleanSupplier condition) {
    try {
      wait.pollingEvery(Duration.ofMillis(50)).until(d -> condition.getAsBoolean() ? true : null);
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("timeout");
      throw new AssertionError("timed out waiting for " + what, e);
    }
  }

  /** Picks the option with this label in a Vaadin {@code Select}. */
  void choose(By select, String label) {
    await(select).click();
    By option = By.cssSelector("vaadin-select-item[role='option']");
    until("options open", () -> !all(option).isEmpty());
    all(option).stream()
        .filter(item -> item.getText().contains(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no option " + label))
        .click();
    awaitText(select, label);
  }

  List<WebElement> all(By locator) {
    return driver.findElements(locator);
  }

  boolean onKeycloakLoginPage() {
    return !driver.findElements(By.id("kc-form-login")).isEmpty();
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(Stack.SCREENSHOTS);
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(
          shot, Stack.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}

package ru.eventbot.testsupport.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
 * Debian's Chromium, headless, driven by Selenium WebDriver through Debian's chromedriver: a real browser for tests
 * of pages served by the application. Each instance has its own fresh profile (so its own cookies and session),
 * makes no network call of its own, and waits for what a test looks for (up to {@link #WAIT}).
 *
 * <pre>{@code
 * try (var browser = HeadlessChromium.start(bot.url("/"))) {
 *     browser.signIn("organiser", "secret").open("/dashboard/events");
 *     assertThat(browser.text(By.tagName("h1"))).isEqualTo("Events");
 *     browser.screenshot("events");
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How long {@link #find}, {@link #awaitText} and {@link #await} wait. */
    public static final Duration WAIT = Duration.ofSeconds(15);
    /** Where {@link #screenshot} writes: {@code target/screenshots}. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final URI baseUrl;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(URI baseUrl, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /** Whether Debian's {@code chromium} and {@code chromium-driver} are installed. */
    public static boolean isInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Starts a browser at phone-friendly desktop size (1280×900) for pages under {@code baseUrl}
     * (e.g. {@code http://127.0.0.1:8080/}); fails with what to install when Chromium is missing.
     */
    public static HeadlessChromium start(URI baseUrl) {
        if (!isInstalled()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (.ci/run does this)");
        }
        try {
            var profile = Files.createTempDirectory("chromium-profile");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
            var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            var logging = new org.openqa.selenium.logging.LoggingPreferences();
            logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logging);
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(20));
            return new HeadlessChromium(baseUrl, profile, service, driver);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The Selenium driver itself, for whatever this class does not offer. */
    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application ({@code /dashboard/events}) and waits for the page to load. */
    public HeadlessChromium open(String path) {
        driver.get(baseUrl.resolve(path).toString());
        return this;
    }

    /** The path of the page shown now, with its query ({@code /login?error}). */
    public String currentPath() {
        var url = URI.create(driver.getCurrentUrl());
        return url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    }

    /** The window's size in CSS pixels: 390 wide is a phone. */
    public HeadlessChromium resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** Signs in on {@code /login} with the sign-in form; afterwards the browser holds the session. */
    public HeadlessChromium signIn(String username, String password) {
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        submit(By.cssSelector("form button[type=submit]"));
        return this;
    }

    /** The first element found, once it is there. */
    public WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Every element found now (no waiting). */
    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Replaces the text of a field. */
    public HeadlessChromium type(By field, String text) {
        var element = find(field);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    /** Picks an option of a {@code <select>} by its visible text. */
    public HeadlessChromium select(By field, String visibleText) {
        new org.openqa.selenium.support.ui.Select(find(field)).selectByVisibleText(visibleText);
        return this;
    }

    public HeadlessChromium click(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    /** Clicks a button that leaves the page, and waits until the next page has replaced it. */
    public HeadlessChromium submit(By button) {
        var page = find(By.tagName("html"));
        click(button);
        new WebDriverWait(driver, WAIT).until(driver -> isGone(page));
        return this;
    }

    /** Whether an element has left the document (Chromium sometimes says so with an inspector error instead). */
    private static boolean isGone(WebElement element) {
        try {
            element.getTagName();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The visible text of the first element found. */
    public String text(By by) {
        return find(by).getText();
    }

    /** Waits until the element's visible text contains {@code expected}, and returns all of it. */
    public String awaitText(By by, String expected) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, expected));
        return text(by);
    }

    /** Waits until {@code condition} returns something other than null or false, and returns it. */
    public <T> T await(Function<WebDriver, T> condition) {
        return await(WAIT, condition);
    }

    public <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).until(condition::apply);
    }

    /** Runs JavaScript in the page ({@code return ...} to get a value back). */
    public Object script(String javaScript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javaScript, arguments);
    }

    /**
     * Drops a file on an element as a person dragging it from their desktop would ({@code dragenter}, {@code
     * dragover}, {@code drop} with a {@code DataTransfer} holding the file).
     */
    public HeadlessChromium dropFile(By target, String fileName, String mimeType, byte[] content) {
        script("""
                const [target, name, type, base64] = arguments;
                const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], name, {type}));
                for (const kind of ['dragenter', 'dragover', 'drop']) {
                  target.dispatchEvent(new DragEvent(kind, {bubbles: true, cancelable: true, dataTransfer: transfer}));
                }""", find(target), fileName, mimeType, Base64.getEncoder().encodeToString(content));
        return this;
    }

    /**
     * Posts a form ({@code application/x-www-form-urlencoded}) from the page with the browser's cookies, exactly
     * these fields and nothing added (no CSRF token unless given), and returns the HTTP status without following a
     * redirect.
     */
    public int post(String path, Map<String, String> fields) {
        var status = ((JavascriptExecutor) driver).executeAsyncScript("""
                const [path, fields, done] = arguments;
                fetch(path, {method: 'POST', credentials: 'same-origin', redirect: 'manual',
                             body: new URLSearchParams(fields)})
                  .then(response => done(response.type === 'opaqueredirect' ? 302 : response.status))
                  .catch(error => done(-1));""", path, fields);
        return ((Number) status).intValue();
    }

    /** What the pages wrote to the browser's console since the last call (errors, CSP violations, logs). */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** Forgets every cookie of the site: the next page is seen by a stranger without a session. */
    public HeadlessChromium forgetSession() {
        driver.manage().deleteAllCookies();
        return this;
    }

    /** The value of one of the browser's cookies for this site, or null. */
    public String cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Saves the visible page as {@code target/screenshots/<name>.png} and returns that path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            var file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the whole page, scrolled, as {@code target/screenshots/<name>.png}: the window grows to its height. */
    public Path fullPageScreenshot(String name) {
        var size = driver.manage().window().getSize();
        var height = ((Number) script("return document.documentElement.scrollHeight")).intValue();
        driver.manage().window().setSize(new Dimension(size.getWidth(), Math.min(Math.max(height, 400), 4000)));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary profile left behind is harmless
        }
    }
}

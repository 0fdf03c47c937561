package com.obconsole.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven by its chromedriver, for the browser tests: nothing downloads
 * a browser. Where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing,
 * {@link #start} skips the test class and says why. Signs in through the sign-in form, finds and
 * clicks by CSS selector, waits (never sleeps) for conditions, takes screenshots into
 * {@code target/screenshots/} and reports what the Content-Security-Policy refused.
 */
public final class HeadlessChromium implements AutoCloseable {

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final WebDriver driver;

	private final String root;

	private HeadlessChromium(WebDriver driver, String root) {
		this.driver = driver;
		this.root = root;
	}

	/**
	 * Starts Chromium with a page of the given size for the console at the given root URL
	 * ({@code http://localhost:port}); skips the calling test class where Chromium is missing.
	 */
	public static HeadlessChromium start(String root, int width, int height) {
		return start(root, width, height, 1.0);
	}

	/**
	 * Starts Chromium with a page of width x height CSS pixels drawn at the given scale: screenshots
	 * are width x scale pixels wide, as on a screen that wide, shown smaller.
	 */
	public static HeadlessChromium start(String root, int width, int height, double scale) {
		return start(root, width, height, scale, null);
	}

	/**
	 * As {@link #start(String, int, int, double)}, with the browser set to a language (a BCP 47 tag
	 * such as zh-CN) that it sends as Accept-Language, as a DBA's browser set to it does; null keeps
	 * Chromium's own.
	 */
	public static HeadlessChromium start(String root, int width, int height, double scale, String language) {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
						+ ")");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				// A closed network: no update checks, sync or first-run calls home.
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--hide-scrollbars", "--force-device-scale-factor=" + scale,
				"--window-size=" + width + "," + height);
		if (language != null) {
			options.addArguments("--lang=" + language, "--accept-lang=" + language);
			options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		}
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.build();
		HeadlessChromium browser = new HeadlessChromium(new ChromeDriver(service, options), root);
		browser.fitViewport(width, height);
		return browser;
	}

	/**
	 * Sizes the window so that the page itself gets width x height: headless Chromium counts its
	 * (invisible) toolbars in --window-size, and clicks below the real viewport would miss.
	 */
	private void fitViewport(int width, int height) {
		@SuppressWarnings("unchecked")
		List<Long> sizes = (List<Long>) script("return [window.outerWidth - window.innerWidth,"
				+ " window.outerHeight - window.innerHeight]");
		this.driver.manage()
			.window()
			.setSize(new Dimension(width + sizes.get(0).intValue(), height + sizes.get(1).intValue()));
	}

	public WebDriver driver() {
		return this.driver;
	}

	/** Opens a path of the console, e.g. {@code /clusters}. */
	public void open(String path) {
		this.driver.get(this.root + path);
	}

	/** Forgets any sign-in (clears the cookies) and shows the sign-in page. */
	public void showSignIn() {
		open("/login");
		this.driver.manage().deleteAllCookies();
		open("/login");
		waitUntil((b) -> !b.findElements(By.cssSelector("#login-form #username")).isEmpty());
	}

	/** Fills in and submits the sign-in form on screen, and waits until the console lets the user in. */
	public void submitSignIn(String username, String password) {
		find("#username").sendKeys(username);
		find("#password").sendKeys(password);
		click("button[type=submit]");
		waitUntil((b) -> !b.getCurrentUrl().contains("/login"));
	}

	/** Signs in afresh as the user, through the sign-in page. */
	public void signIn(String username, String password) {
		showSignIn();
		submitSignIn(username, password);
	}

	public WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	public boolean isPresent(String css) {
		return !findAll(css).isEmpty();
	}

	/** Waits until the element is shown and enabled, then clicks it. */
	public void click(String css) {
		waitUntil((b) -> find(css).isDisplayed() && find(css).isEnabled());
		find(css).click();
	}

	/** The visible texts of the elements the selector finds, in document order. */
	public List<String> texts(String css) {
		return findAll(css).stream().map(WebElement::getText).toList();
	}

	public String currentUrl() {
		return this.driver.getCurrentUrl();
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/**
	 * Waits up to 15 s for the condition; exceptions while the page changes under it (an element
	 * swapped out by htmx) count as "not yet".
	 */
	public void waitUntil(Function<WebDriver, Boolean> condition) {
		waitUntil(condition, WAIT);
	}

	public void waitUntil(Function<WebDriver, Boolean> condition, Duration timeout) {
		new WebDriverWait(this.driver, timeout).ignoring(RuntimeException.class).until(condition::apply);
	}

	/**
	 * Saves what the window shows as {@code target/screenshots/<name>.png} and returns that file.
	 */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			File shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
			Files.deleteIfExists(shot.toPath());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The browser's console messages since the last call that say the Content-Security-Policy refused something. */
	public List<String> contentSecurityPolicyViolations() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy") || message.contains("Refused to"))
			.toList();
	}

	/** Waits for the given time: only to show that something does not happen meanwhile. */
	public static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Quits Chromium and its driver. */
	@Override
	public void close() {
		this.driver.quit();
	}

}

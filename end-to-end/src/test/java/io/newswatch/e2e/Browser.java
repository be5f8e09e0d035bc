package io.newswatch.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
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
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A real browser for a test class: Debian's Chromium, headless, driven by Selenium through the {@code chromedriver}
 * on the PATH (Selenium Manager cannot download drivers here, so it is never asked). Started before the class's
 * tests, stopped after them; when a test fails, the page it was on is saved as
 * {@code target/screenshots/<class>-<test>.png}. A missing browser or driver fails the tests with what to install
 * ({@code .ci/run} installs both).
 */
final class Browser implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback {

    /** Where screenshots go. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private ChromeDriver driver;
    private ChromeDriverService service;
    private Path profile;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path chromium = onPath("chromium", "chromium-browser", "google-chrome")
                .orElseThrow(() -> new IllegalStateException("no chromium on the PATH: apt-get install chromium"));
        Path chromedriver = onPath("chromedriver")
                .orElseThrow(() -> new IllegalStateException("no chromedriver on the PATH: apt-get install chromium-driver"));
        profile = Files.createTempDirectory("console-browser");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // as root, Chromium needs --no-sandbox; the network flags keep it from calling home on a closed network
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile, "--window-size=1280,1000",
                "--lang=en");
        service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && driver != null) {
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod()
                    .getName();
            try {
                Path saved = screenshot(name);
                System.err.println("screenshot of the failed test " + name + ": " + saved.toAbsolutePath()
                        + " (page " + driver.getCurrentUrl() + ")");
            } catch (RuntimeException e) {
                System.err.println("no screenshot of " + name + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page and waits until it is loaded. */
    void open(String url) {
        driver.get(url);
    }

    /** Waits up to {@code timeout} for a condition. */
    <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(250)).until(condition);
    }

    /** Waits a few seconds for an element. */
    WebElement find(By by) {
        return await(WAIT, d -> d.findElement(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** The window's size: 1280x1000 (a laptop), or 390x844 (a phone). */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> onPath(String... names) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}

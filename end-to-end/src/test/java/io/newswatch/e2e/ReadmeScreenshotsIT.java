package io.newswatch.e2e;

import io.newswatch.stack.StackHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The README's pictures of the console, taken with the tests' browser from a running newswatch with the demo data
 * ({@code ./newswatch up -d}, then
 * {@code ./mvnw -pl end-to-end verify -Dit.test=ReadmeScreenshotsIT -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false -Dscreenshots=true}):
 * written to {@code docs/images/}, with phone-sized ones of every page in {@code target/screenshots/} to look at.
 * {@code -Dconsole.url} if the console is not at http://localhost:8080.
 */
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class ReadmeScreenshotsIT {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @Test
    void theConsoleWithTheDemoData() throws Exception {
        String console = System.getProperty("console.url", "http://localhost:8080");
        Path project = StackHome.locate().project();
        Path images = Files.createDirectories(project.resolve("docs/images"));

        BROWSER.resize(1280, 860);
        BROWSER.open(console + "/");
        BROWSER.await(Duration.ofSeconds(20), d -> d.findElement(By.cssSelector("#live[data-connected='true']")));
        save(images, "console-alerts");

        BROWSER.open(console + "/search?q=Montenegro");
        save(images, "console-search");

        BROWSER.open(console + "/search?q=Djukanovic");
        String article = BROWSER.find(By.cssSelector("#hits li.hit h2 a")).getAttribute("href");
        BROWSER.open(console + "/search?q=" + java.net.URLEncoder.encode("Kremlin", java.nio.charset.StandardCharsets.UTF_8));
        String kremlin = BROWSER.find(By.cssSelector("#hits li.hit h2 a")).getAttribute("href");
        BROWSER.open(kremlin);
        save(images, "console-article");

        String key = Files.readString(project.resolve(".newswatch/api-key")).strip();
        BROWSER.open(console + "/signin?next=/rules/montenegro/edit");
        BROWSER.find(By.id("key")).sendKeys(key, Keys.ENTER);
        BROWSER.find(By.id("query")).sendKeys(Keys.END, " OR Djukanovic");
        BROWSER.await(Duration.ofSeconds(30), d -> d.findElement(By.cssSelector("#preview strong[data-count='gained']")));
        BROWSER.find(By.id("days")).sendKeys("90 days");
        Thread.sleep(3_000);
        save(images, "console-rule");

        // every page on a phone, to look at (not for the README)
        BROWSER.resize(390, 844);
        for (String page : new String[]{"/", "/search?q=Montenegro", "/stories", "/rules", "/feeds", "/signin"}) {
            BROWSER.open(console + page);
            BROWSER.screenshot("phone" + page.replaceAll("[^a-zA-Z]+", "-"));
        }
        BROWSER.open(article);
        BROWSER.screenshot("phone-article");
    }

    private static void save(Path images, String name) throws Exception {
        Thread.sleep(500); // fonts and the histogram settle
        Path shot = BROWSER.screenshot(name);
        Files.copy(shot, images.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

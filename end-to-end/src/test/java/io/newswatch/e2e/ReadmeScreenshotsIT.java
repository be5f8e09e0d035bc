package io.newswatch.e2e;

import io.newswatch.stack.StackHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quick start for the console, checked, and its pictures, taken with the tests' browser from a running
 * newswatch with the demo data: the alerts page shows the demo's {@code Montenegro} and {@code NATO-Russia Council}
 * alerts, {@code /search?q=Djukanovic} finds the article that writes {@code Đukanović}, {@code /rules} lists the
 * default rules and {@code /feeds} the demo feeds ({@code ./newswatch up -d}, then
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
        BROWSER.await(Duration.ofSeconds(60), d -> {
            d.get(console + "/");
            List<String> rules = d.findElements(By.cssSelector("#alerts li.alert .rule-chip")).stream()
                    .map(WebElement::getText).toList();
            return rules.contains("Montenegro") && rules.contains("NATO-Russia Council") ? true : null;
        });
        BROWSER.await(Duration.ofSeconds(20), d -> d.findElement(By.cssSelector("#live[data-connected='true']")));
        save(images, "console-alerts");

        BROWSER.open(console + "/search?q=Montenegro");
        save(images, "console-search");

        BROWSER.open(console + "/search?q=Djukanovic");
        WebElement found = BROWSER.find(By.cssSelector("#hits li.hit h2 a"));
        assertThat(found.getText()).contains("Đukanović");
        String article = found.getAttribute("href");
        BROWSER.open(console + "/search?q=" + java.net.URLEncoder.encode("Kremlin", java.nio.charset.StandardCharsets.UTF_8));
        String kremlin = BROWSER.find(By.cssSelector("#hits li.hit h2 a")).getAttribute("href");
        BROWSER.open(kremlin);
        save(images, "console-article");

        BROWSER.open(console + "/rules");
        assertThat(BROWSER.all(By.cssSelector("table.rules tr[data-rule-id]")).stream()
                .map(row -> row.getAttribute("data-rule-id")).toList()).contains("montenegro", "nato-russia-council");
        BROWSER.open(console + "/feeds");
        assertThat(BROWSER.all(By.cssSelector("li.feed")).size()).isGreaterThanOrEqualTo(2);
        assertThat(BROWSER.find(By.tagName("main")).getText()).contains("Newswatch Demo Desk");

        String key = Files.readString(project.resolve(".newswatch/api-key")).strip();
        BROWSER.open(console + "/signin?next=/rules/montenegro/edit");
        BROWSER.find(By.id("key")).sendKeys(key, Keys.ENTER);
        BROWSER.find(By.id("query")).sendKeys(Keys.END, " OR Djukanovic");
        BROWSER.await(Duration.ofSeconds(30), d -> d.findElement(By.cssSelector("#preview strong[data-count='gained']")));
        BROWSER.find(By.id("days")).sendKeys("90 days");
        Thread.sleep(3_000);
        BROWSER.screenshot("console-rule"); // to look at, not for the README

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

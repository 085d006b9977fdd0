package org.grassroots.crm.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Playwright driving the system's Chromium (Debian's {@code chromium} package; {@code CRM_TEST_CHROMIUM} overrides
 * the path). Playwright never downloads a browser here. Screenshots go to {@code target/screenshots}.
 */
final class BrowserSession implements AutoCloseable {

    private static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";

    private final Playwright playwright;
    private final Browser browser;
    private final String baseUrl;
    private final Path screenshots;

    BrowserSession(int port) {
        String chromium = System.getenv().getOrDefault("CRM_TEST_CHROMIUM", DEFAULT_CHROMIUM);
        if (!Files.isExecutable(Path.of(chromium))) {
            throw new IllegalStateException("Browser tests need Chromium at " + chromium
                    + " (apt-get install chromium, or set CRM_TEST_CHROMIUM)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(chromium))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
        baseUrl = "http://localhost:" + port;
        screenshots = Path.of(System.getProperty("crm.test.screenshots", "target/screenshots"));
    }

    /** A fresh browser context (its own cookies) with a page of the given width. */
    Page newPage(int width) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 800)).newPage();
        page.setDefaultTimeout(20_000);
        return page;
    }

    /** The first button showing {@code text}. */
    static Locator button(Page page, String text) {
        return page.locator("vaadin-button", new Page.LocatorOptions().setHasText(text)).first();
    }

    String url(String path) {
        return baseUrl + "/" + path;
    }

    void screenshot(Page page, String name) {
        try {
            Files.createDirectories(screenshots);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}

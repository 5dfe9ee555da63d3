package rotor.server.support

import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.chrome.ChromeDriverService
import org.openqa.selenium.chrome.ChromeOptions

import java.nio.file.Files
import java.time.Duration

/**
 * Debian's chromium, headless, through Debian's chromedriver (`apt-get install chromium
 * chromium-driver`; .ci/run installs both). Missing, the spec fails saying so: it never skips.
 */
class HeadlessChromium {

    static final File BROWSER = new File(System.getProperty('rotor.chromium', '/usr/bin/chromium'))
    static final File DRIVER = new File(System.getProperty('rotor.chromedriver', '/usr/bin/chromedriver'))

    static ChromeDriver start() {
        [BROWSER, DRIVER].each {
            assert it.canExecute(): "${it} is missing: the browser specs need Debian's chromium and chromium-driver " +
                    "(apt-get install chromium chromium-driver), or -Drotor.chromium / -Drotor.chromedriver"
        }
        def profile = Files.createTempDirectory('rotor-chromium').toFile()
        // deleteOnExit removes only an empty directory; chromium fills its profile. The spec quits chromium before the JVM ends.
        Runtime.runtime.addShutdownHook(new Thread({ profile.deleteDir() }))
        def options = new ChromeOptions().setBinary(BROWSER)
        // The background-networking flags keep chromium from calling out of a closed network.
        options.addArguments('--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync',
                "--user-data-dir=${profile}".toString(), '--window-size=1280,2000')
        def service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build()
        def driver = new ChromeDriver(service, options)
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(15))
        driver
    }
}

package rotor.server.docs

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.openqa.selenium.By
import org.openqa.selenium.WebElement
import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.support.ui.ExpectedConditions
import org.openqa.selenium.support.ui.Select
import org.openqa.selenium.support.ui.WebDriverWait
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.contracts.Contract
import rotor.server.support.EmbeddedServerSpecification
import rotor.server.support.HeadlessChromium
import spock.lang.Shared

import java.time.Duration

/**
 * Issue 13: GET /docs, driven in a real headless browser, lists the seven contracts, and its
 * "Try it out" refreshes against this same server (the specs name http://localhost:8080; the
 * page sends to its own origin, here a random port).
 */
@MicronautTest(transactional = false)
class DocsPageTriesARefreshInABrowserSpec extends EmbeddedServerSpecification {

    @Shared
    ChromeDriver browser

    @Inject
    GrantsApi admin

    def setupSpec() {
        browser = HeadlessChromium.start()
    }

    def cleanupSpec() {
        browser?.quit()
    }

    def "the page's contract selector lists the seven contracts"() {
        when:
        browser.get("http://localhost:${port}/docs")

        then:
        contractSelector().options*.text == Contract.NAMES
    }

    def "Try it out on onboard's refresh with #what shows the documented answer from this server"() {
        given:
        def token = presented(issue(admin, Dialect.ONBOARD).refreshToken)

        when:
        browser.get("http://localhost:${port}/docs")
        contractSelector().selectByVisibleText('onboard')
        authorize(token)
        def answer = tryOut('operations-auth-oauth-refreshAccessToken')

        then:
        answer.status == status
        answer.body.contains(expected)

        where:
        what                    | presented                    | status | expected
        'a live refresh token'  | { String rt -> rt }          | '200'  | '"accessToken"'
        'an unknown token'      | { String rt -> unknown(rt) } | '401'  | '"REFRESH_TOKEN_INVALID"'
    }

    /** A token of the server's format that it never issued: the issued one with its random part shuffled. */
    private static String unknown(String issued) {
        def prefix = issued.substring(0, issued.indexOf('_') + 1)
        def random = issued.substring(prefix.length()).toList()
        Collections.shuffle(random)
        prefix + random.join('')
    }

    private Select contractSelector() {
        new Select(await(By.cssSelector('.topbar select')))
    }

    /** Enters the apiKey scheme's value in the Authorize dialog. */
    private void authorize(String value) {
        await(By.cssSelector('button.authorize')).click()
        def input = await(By.cssSelector('.modal-ux input'))
        input.sendKeys(value)
        browser.findElement(By.cssSelector('.modal-ux button.modal-btn.authorize')).click()
        await(By.cssSelector('.modal-ux button.btn-done')).click()
    }

    /** Opens the operation, Try it out, Execute: the live answer's status and body as the page shows them. */
    private Map tryOut(String operationId) {
        def operation = await(By.id(operationId))
        operation.findElement(By.cssSelector('.opblock-summary')).click()
        await(By.cssSelector("#${operationId} button.try-out__btn")).click()
        await(By.cssSelector("#${operationId} button.execute")).click()
        def live = await(By.cssSelector("#${operationId} .live-responses-table .response"))
        [status: live.findElement(By.cssSelector('.response-col_status')).text.trim(),
         body  : live.findElement(By.cssSelector('.response-col_description pre')).text]
    }

    private WebElement await(By what) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(what))
    }
}

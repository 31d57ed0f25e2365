import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { ADMIN_ID, LAWYERS_CHAT_ID } from '../helpers/bot-harness.js'
import { createWebChat } from './harness.js'

/**
 * The web chat in a real browser: Debian's Chromium driven by playwright-core (no browser download).
 * One walk through the bot as a visitor would take it, a screenshot per step in test-output/web/.
 */
const CHROMIUM = '/usr/bin/chromium'
const SHOTS = join(process.cwd(), 'test-output', 'web')
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
/** Kazan's centre, where the browser says it is when asked for its location. */
const KAZAN = { latitude: 55.7963, longitude: 49.1088 }

let context: BrowserContext | undefined
let profile: string | undefined

/** A fresh profile each run; started while the bot is being built. */
function launch(): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`)
  mkdirSync(SHOTS, { recursive: true })
  profile = mkdtempSync(join(tmpdir(), 'joldosh-chromium-'))
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    locale: 'ky-KG',
    viewport: { width: 360, height: 740 },
    geolocation: KAZAN,
    permissions: ['geolocation'],
  })
}

afterAll(async () => {
  await context?.close()
  if (profile) rmSync(profile, { recursive: true, force: true })
})

describe('the web chat in Chromium', () => {
  it('language, search, an article, centres in Kazan, benefits, a request with a photo answered by a lawyer; 320 px; no serious axe violation', async () => {
    const [browser, w] = await Promise.all([launch(), createWebChat({ pollMs: 5000 })])
    context = browser
    const page = await browser.newPage()
    const problems: string[] = []
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
    page.on('pageerror', (e) => problems.push(e.message))
    let step = 0
    const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${String(++step).padStart(2, '0')}-${name}.png`), fullPage: false })
    const chatId = () => w.web.transcript(Number(JSON.parse(w.h.db.$client.prepare("select value from key_value where key like 'web-visitor:%'").pluck().get() as string).chatId))
    /** Waits for the form's answer to be on the page (the script re-enables buttons after applying it). */
    const settle = async (action: Promise<unknown>) => {
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), action])
      // A locator, not waitForFunction: its string polling would need eval, which the page's CSP forbids.
      await page.locator('form button[disabled]').first().waitFor({ state: 'detached' })
    }
    /** Presses the button that carries `data`, by the label the visitor sees on that message. */
    const press = async (data: string) => {
      const message = [...chatId().messages].reverse().find((m) => m.inlineKeyboard?.flat().some((b) => b.callback_data === data))
      expect(message, `a message with a button ${data}`).toBeDefined()
      const label = message!.inlineKeyboard!.flat().find((b) => b.callback_data === data)!.text
      await settle(page.locator(`#m${message!.id}`).getByRole('button', { name: label, exact: true }).click())
    }
    const type = async (text: string) => {
      await page.getByLabel(w.h.i18n.t('web:messageLabel', { lng: 'ky' })).fill(text)
      await settle(page.locator('#send').click())
    }
    const lastBot = () => page.locator('#log li.bot').last()

    // 1. The browser speaks Kyrgyz; the page does too, and the bot asks for a language.
    await page.goto(`${w.url}/chat`)
    expect(await page.getAttribute('html', 'lang')).toBe('ky')
    await settle(page.getByRole('button', { name: w.h.i18n.t('web:start', { lng: 'ky' }) }).click())
    await press('lang:ky')
    await expect.poll(() => lastBot().textContent()).toContain(w.h.i18n.t('menu.rights', { lng: 'ky' }))
    await shot('language')

    // 2. A question in Kyrgyz finds the article about a withheld passport; 3. it opens.
    await type('кожоюн паспортумду бербей жатат')
    const answer = chatId().messages.at(-1)!
    const article = answer.inlineKeyboard!.flat().find((b) => b.callback_data?.startsWith('r:a:'))
    expect(article, 'an article button under the search answer').toBeDefined()
    await shot('search')
    await press(article!.callback_data!)
    await expect.poll(async () => (await lastBot().textContent()) ?? '').toContain(w.h.i18n.t('disclaimer', { lng: 'ky' }))
    await shot('article')

    // 4. Centres near me: the browser's geolocation (Kazan) gives Kazan's list and its venue cards with a map link.
    await type('/centres')
    await press('ce:loc')
    await page.locator('form.geo button').waitFor()
    await settle(page.locator('form.geo button').click())
    await expect.poll(() => page.locator('#log .card a[href*="openstreetmap"]').count()).toBeGreaterThan(0)
    expect(chatId().messages.some((m) => m.venue)).toBe(true)
    await shot('centres-kazan')

    // 5. The first family benefits questions.
    await type('/benefits')
    await press('c:childrenUnder16:yes')
    await type('4 7')
    await expect.poll(() => chatId().messages.at(-1)!.inlineKeyboard?.flat().some((b) => b.callback_data?.startsWith('c:baby:'))).toBe(true)
    await shot('benefits')

    // 6. A legal aid request with a photo.
    await type('/lawyer')
    for (const data of ['c:consent:yes', 'c:for:self', 'c:topic:work', 'c:urgency:normal', 'c:city:kazan']) await press(data)
    await type('Кожоюн үч айдан бери айлык бербей жатат')
    await page.locator('#file').setInputFiles({ name: 'contract.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex') })
    await settle(page.locator('#send').click())
    await press('c:files:done')
    const inChat = page.locator('#kb').getByRole('button', { name: /💬/ })
    await settle(inChat.click())
    await press('c:safe:yes')
    await press('c:summary:send')
    await expect.poll(() => lastBot().textContent()).toContain('JO-2026-00001')
    await shot('request-sent')

    // 7. The lawyers see the card and the photo in their group (the fake Telegram) and answer there.
    await w.h.flush()
    const group = w.h.telegram.calls.filter((c) => Number(c.payload.chat_id) === LAWYERS_CHAT_ID)
    const card = group.find((c) => c.method === 'sendMessage' && String(c.payload.text).includes('JO-2026-00001'))!
    expect(card.payload.text).toContain(w.h.i18n.t('web:card.inWebChat', { lng: 'ru' }))
    expect(group.find((c) => c.method === 'sendPhoto')?.files.photo?.filename).toBe('contract.png')
    w.h.driver.as(ADMIN_ID, 'group')
    await w.h.driver.send('Саламатсызбы! Келишимиңиздин көчүрмөсүн жибериңиз.', w.h.driver.replyTo((card.result as { message_id: number }).message_id))
    await w.h.flush()
    // 8. The answer arrives on the open page by itself (long poll), no reload.
    await page.getByText('Келишимиңиздин көчүрмөсүн жибериңиз').waitFor({ timeout: 10_000 })
    await shot('lawyer-answer')

    // 320 px: nothing wider than the screen; then the accessibility check on this full page.
    await page.setViewportSize({ width: 320, height: 640 })
    expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0)
    await shot('320px')
    await page.evaluate(AXE)
    const violations = (await page.evaluate('axe.run().then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))')) as { id: string; impact: string }[]
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
    // The page's own policy kept working: no script error, nothing the CSP blocked.
    expect(problems).toEqual([])
    await page.close()
  }, 40_000)
})

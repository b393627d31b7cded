/// <reference lib="dom" />
/**
 * The warning page in a real browser (Debian's Chromium, driven by playwright-core): an automated WCAG 2.2 AA
 * check with axe-core in light and dark schemes on a phone-sized and a desktop viewport, keyboard access, no
 * external requests, no script needed. Screenshots go to test/artifacts/.
 */

import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadTermList } from '../../src/cli/load.js'
import { createDemoApp } from '../../src/server/app.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)
// a generic starter-list phrase: the page must never show it back
const DETERRED = 'child sexual abuse material'

let browser: Browser
let base: string
let server: ReturnType<typeof serve>

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`,
    )
  }
  const lists = await loadTermList(
    fileURLToPath(new URL('../../termlists/starter.yaml', import.meta.url)),
    {
      lexicon: 'none',
    },
  )
  const app = createDemoApp(lists, { log: () => {} })
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      base = `http://127.0.0.1:${info.port}`
      resolve()
    })
  })
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
})

afterAll(async () => {
  await browser?.close()
  server?.close()
})

const views = [
  { name: 'phone-light', viewport: { width: 390, height: 844 }, colorScheme: 'light' as const },
  { name: 'phone-dark', viewport: { width: 390, height: 844 }, colorScheme: 'dark' as const },
  { name: 'desktop-light', viewport: { width: 1280, height: 900 }, colorScheme: 'light' as const },
  { name: 'desktop-dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' as const },
]

describe('the warning page in Chromium', () => {
  it.each(views)(
    'has no WCAG 2.2 AA violations ($name)',
    async ({ name, viewport, colorScheme }) => {
      // bypassCSP only lets the test inject axe-core; the page itself runs no script
      const context = await browser.newContext({
        viewport,
        colorScheme,
        bypassCSP: true,
        javaScriptEnabled: true,
      })
      const page = await context.newPage()
      const external: string[] = []
      page.on('request', (r) => {
        if (!r.url().startsWith(base)) external.push(r.url())
      })
      const res = await page.goto(`${base}/search?q=${encodeURIComponent(DETERRED)}`)
      expect(res?.status()).toBe(200)
      expect(await page.locator('h1').count()).toBe(1)
      expect(await page.locator('main').count()).toBe(1)
      await page.addScriptTag({ content: axeSource })
      const result = (await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<unknown> } })
          .axe
        return axe.run({
          runOnly: {
            type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
          },
        })
      })) as { violations: { id: string; nodes: unknown[] }[] }
      expect(result.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([])
      expect(external).toEqual([])
      expect((await page.content()).toLowerCase()).not.toContain(DETERRED)
      await page.screenshot({ path: `${artifacts}warning-${name}.png`, fullPage: true })
      await context.close()
    },
  )

  it('works without JavaScript and is reachable by keyboard, skip link first', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${base}/search?q=${encodeURIComponent(DETERRED)}`)
    await page.keyboard.press('Tab')
    const first = await page.evaluate(() => document.activeElement?.getAttribute('href'))
    expect(first).toBe('#help')
    const links = await page.locator('a[href]').count()
    for (let i = 0; i < links; i++) await page.keyboard.press('Tab')
    const hrefs = await page
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(hrefs.some((h) => h?.startsWith('tel:') || h?.startsWith('https://'))).toBe(true)
    expect(hrefs.every((h) => !h?.includes('/search'))).toBe(true)
    await context.close()
  })

  it('shows the search page with live suggestions, filtered', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    await page.goto(base)
    await page.fill('#q', 'the')
    await page.waitForFunction(() => document.querySelectorAll('#suggestions option').length > 0)
    const options = await page
      .locator('#suggestions option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    expect(options.length).toBeGreaterThan(0)
    await page.screenshot({ path: `${artifacts}search-page.png` })
    await context.close()
  })
})

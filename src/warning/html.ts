/**
 * @module warning/html
 * The warning as a server-rendered page: no JavaScript, no external resources, one inline style allowed by
 * a per-response CSP nonce; landmarks, a skip link, real headings and lists, visible focus, AA contrast in
 * light and dark schemes, mobile first. There is no link to the results, by design.
 */

import type { WarningModel } from './model.js'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

/** The page's stylesheet (inline, allowed by nonce). Contrast ratios ≥ 4.5:1 in both schemes. */
export const WARNING_CSS = `
:root{color-scheme:light dark;--bg:#fdfdfc;--fg:#1b1b1f;--muted:#44464f;--card:#f1f1f4;--accent:#0b57d0;--accent-fg:#fff;--border:#c4c6d0}
@media (prefers-color-scheme:dark){:root{--bg:#121316;--fg:#e4e2e6;--muted:#c4c6d0;--card:#1f2024;--accent:#a8c7fa;--accent-fg:#062e6f;--border:#44464f}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.skip{position:absolute;left:-999px;top:0;padding:.5rem 1rem;background:var(--accent);color:var(--accent-fg)}
.skip:focus{left:0}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.2rem;margin:2rem 0 .75rem}
p{margin:0 0 .9rem}
.notice{color:var(--muted);border-left:4px solid var(--border);padding-left:.75rem}
ul{list-style:none;margin:0;padding:0}
li.service{background:var(--card);border:1px solid var(--border);border-radius:.5rem;padding:1rem;margin:0 0 .75rem}
.service h3{font-size:1.05rem;margin:0 0 .4rem}
.service p{margin:.25rem 0;color:var(--muted)}
a{color:var(--accent)}
a:focus-visible,.button:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.button{display:inline-block;background:var(--accent);color:var(--accent-fg);padding:.75rem 1.1rem;border-radius:.5rem;font-weight:600;text-decoration:none;margin:.25rem 0 .5rem}
.tel{font-size:1.1rem;font-weight:600}
footer{max-width:40rem;margin:0 auto;padding:0 1rem 2rem;color:var(--muted);font-size:.95rem}
`

/** Screen-reader text for links that open a new tab. */
const newTab = (model: WarningModel) =>
  ` <span class="visually-hidden">${escapeHtml(model.labels.opensNewTab)}</span>`

const service = (model: WarningModel, s: WarningModel['help']['services'][number]): string => {
  const parts = [`<h3>${escapeHtml(s.name)}</h3>`]
  if (s.phone) {
    const text = escapeHtml(s.phone.label)
    parts.push(
      s.phone.tel
        ? `<p><a class="tel" href="tel:${escapeHtml(s.phone.tel)}">${text}</a></p>`
        : `<p class="tel">${text}</p>`,
    )
  }
  if (s.channels.length > 0) parts.push(`<p>${s.channels.map(escapeHtml).join(' · ')}</p>`)
  if (s.website) {
    parts.push(
      `<p><a href="${escapeHtml(s.website.url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(
        s.website.label,
      )}${newTab(model)}</a></p>`,
    )
  }
  return `<li class="service">${parts.join('')}</li>`
}

/**
 * Renders the warning page. `nonce` must be the one in the response's `Content-Security-Policy`.
 * Cost: string building, linear in the model.
 */
export const renderWarningPage = (model: WarningModel, nonce: string): string => {
  const help = model.help.services.map((s) => service(model, s)).join('')
  const report = model.report.links
    .map(
      (l) =>
        `<li><a href="${escapeHtml(l.url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(
          l.label,
        )}${newTab(model)}</a></li>`,
    )
    .join('')
  const chat = model.chat
    ? `<p><a class="button" href="${escapeHtml(model.chat.url)}">${escapeHtml(model.chat.label)}</a></p><p>${escapeHtml(model.chat.description)}</p>`
    : ''
  return `<!doctype html>
<html lang="${escapeHtml(model.lang)}" dir="${model.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(model.title)}</title>
<style nonce="${escapeHtml(nonce)}">${WARNING_CSS}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}</style>
</head>
<body>
<a class="skip" href="#help">${escapeHtml(model.labels.skipToHelp)}</a>
<main id="main">
<h1>${escapeHtml(model.heading)}</h1>
${model.messages.map((m) => `<p>${escapeHtml(m)}</p>`).join('\n')}
<p class="notice">${escapeHtml(model.notice)}</p>
<section id="help" aria-labelledby="help-heading">
<h2 id="help-heading">${escapeHtml(model.help.heading)}</h2>
${model.help.summary ? `<p>${escapeHtml(model.help.summary)}</p>` : ''}
${chat}
${help ? `<ul>${help}</ul>` : ''}
</section>
<section aria-labelledby="report-heading">
<h2 id="report-heading">${escapeHtml(model.report.heading)}</h2>
<p>${escapeHtml(model.report.text)}</p>
${report ? `<ul>${report}</ul>` : ''}
</section>
</main>
</body>
</html>
`
}

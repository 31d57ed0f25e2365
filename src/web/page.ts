import type { TFunction } from '../i18n.js'
import type { Transcript } from '../transport/web-transport.js'
import { esc, renderState } from './render.js'

/** Most text sizes of a file the bot sends; the page's own limit on an upload (Telegram bots get 20 MB). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

interface PageOptions {
  lang: string
  t: TFunction
  csrf: string
  transcript: Transcript
  /** A short message on top (a refused form, a file too large). */
  alert?: string | undefined
}

/**
 * The chat page, rendered whole on the server: it works with JavaScript off (every button is a form;
 * reload for new messages); /app.js only fetches the changed parts and long-polls for new ones.
 */
export function chatPage({ lang, t, csrf, transcript, alert }: PageOptions): string {
  const state = renderState(transcript, t, csrf)
  const empty = transcript.messages.length === 0
  return `${pageHead(lang, t, true)}
<a class="skip" href="#text">${esc(t('web:skip'))}</a>
<header><h1>${esc(t('web:title'))}</h1></header>
<main id="main" data-v="${state.v}">
${alert ? `<p class="alert" role="alert">${esc(alert)}</p>` : ''}
<p id="notice" class="notice" role="status">${state.notice}</p>
<ol id="log" class="log" aria-label="${esc(t('web:messages'))}">${state.log}</ol>
${empty ? `<form method="post" action="/send" class="start"><input type="hidden" name="csrf" value="${esc(csrf)}"><p>${esc(t('web:intro'))}</p><button name="text" value="/start">${esc(t('web:start'))}</button></form>` : ''}
<div id="kb">${state.kb}</div>
<form method="post" action="/send" enctype="multipart/form-data" class="composer" id="composer">
<input type="hidden" name="csrf" value="${esc(csrf)}">
<label for="text">${esc(t('web:messageLabel'))}</label>
<textarea id="text" name="text" rows="2" maxlength="4000"></textarea>
<label for="file">${esc(t('web:attach'))}</label>
<input id="file" name="file" type="file" accept="image/*,.pdf,.doc,.docx,.txt">
<button id="send">${esc(t('web:send'))}</button>
</form>
<p class="hint">${esc(t('web:privacy'))}</p>
<noscript><p class="hint">${esc(t('web:noscript'))}</p></noscript>
</main>
</body>
</html>`
}

/** `/`: what this is, in the browser's language, and the way in. */
export function homePage(lang: string, t: TFunction): string {
  return `${pageHead(lang, t, false)}
<header><h1>${esc(t('web:title'))}</h1></header>
<main id="main">
<p>${esc(t('web:intro'))}</p>
<p><a class="button" href="/chat">${esc(t('web:open'))}</a></p>
<p class="hint">${esc(t('web:privacy'))}</p>
</main>
</body>
</html>`
}

/** The top of every page, up to <body>: the visitor's language, the stylesheet, and the script only where it helps. */
function pageHead(lang: string, t: TFunction, script: boolean): string {
  return `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t('web:title'))}</title>
<link rel="stylesheet" href="/app.css">
${script ? '<script src="/app.js" defer></script>\n' : ''}</head>
<body>`
}

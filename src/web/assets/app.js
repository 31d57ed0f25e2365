// Joldosh web chat: forms go by fetch and only the changed parts are replaced; a long poll brings
// new messages (a lawyer's answer). Without this script every form still works by a full page load.
(() => {
  const main = document.getElementById('main')
  const log = document.getElementById('log')
  if (!main || !log) return
  const kb = document.getElementById('kb')
  const notice = document.getElementById('notice')
  const text = document.getElementById('text')
  let v = Number(main.dataset.v)
  const headers = { 'x-requested-with': 'fetch' }

  const setupGeo = () => {
    if (!navigator.geolocation) return
    for (const form of document.querySelectorAll('form.geo')) form.hidden = false
    for (const p of document.querySelectorAll('.nojs-geo')) p.hidden = true
  }
  const apply = (s, focus) => {
    if (typeof s.v !== 'number') return
    v = s.v
    main.dataset.v = String(v)
    log.innerHTML = s.log
    kb.innerHTML = s.kb
    notice.innerHTML = s.notice
    const start = document.querySelector('form.start')
    if (start && s.log) start.remove()
    setupGeo()
    const last = log.lastElementChild
    if (last) last.scrollIntoView({ block: 'end' })
    if (focus === 'text' && text) text.focus()
    else if (focus === 'last' && last) last.focus()
  }
  const position = () => new Promise((resolve, reject) => navigator.geolocation.getCurrentPosition(resolve, reject, { timeout: 15000, maximumAge: 60000 }))

  document.addEventListener('submit', async (event) => {
    const form = event.target
    if (!(form instanceof HTMLFormElement) || form.method !== 'post') return
    event.preventDefault()
    const data = new FormData(form, event.submitter || undefined)
    if (form.classList.contains('geo')) {
      try {
        const p = await position()
        data.set('lat', String(p.coords.latitude))
        data.set('lon', String(p.coords.longitude))
      } catch {
        if (text) text.focus()
        return
      }
    }
    const buttons = form.querySelectorAll('button')
    for (const b of buttons) b.disabled = true
    try {
      const response = await fetch(form.action, { method: 'POST', body: data, headers, credentials: 'same-origin' })
      if (!response.ok) return location.reload()
      apply(await response.json(), form.id === 'composer' ? 'text' : 'last')
      if (form.id === 'composer') form.reset()
    } catch {
      location.reload()
    } finally {
      for (const b of buttons) b.disabled = false
    }
  })

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
  const poll = async () => {
    for (;;) {
      try {
        const response = await fetch(`/poll?v=${v}`, { headers, credentials: 'same-origin' })
        if (response.status === 200) apply(await response.json())
        else if (response.status !== 204) await sleep(5000)
      } catch {
        await sleep(5000)
      }
    }
  }
  setupGeo()
  const last = log.lastElementChild
  if (last) last.scrollIntoView({ block: 'end' })
  poll()
})()

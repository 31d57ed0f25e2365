import type { TestBot } from './bot-harness.js'

export interface RequestAnswers {
  forWhom?: 'self' | 'family'
  subjectName?: string
  topic?: string
  urgency?: 'detained' | 'deadline' | 'normal'
  city?: string
  description?: string
  photos?: string[]
  phone?: string
  safe?: 'yes' | 'no'
}

/** Goes through the request conversation by pressing the buttons a person sees, language-independent. */
export async function fileRequest(h: TestBot, a: RequestAnswers = {}, options: { send?: boolean; start?: boolean; topicPrefilled?: boolean; stopBefore?: 'files' } = {}): Promise<void> {
  const d = h.driver
  if (options.start !== false) await d.send('/lawyer')
  await d.pressData('c:consent:yes')
  await d.pressData(`c:for:${a.forWhom ?? 'self'}`)
  if (a.forWhom === 'family') await d.send(a.subjectName ?? 'Азамат')
  if (!options.topicPrefilled) await d.pressData(`c:topic:${a.topic ?? 'work'}`)
  await d.pressData(`c:urgency:${a.urgency ?? 'normal'}`)
  await d.pressData(`c:city:${a.city ?? 'kazan'}`)
  await d.send(a.description ?? 'Работодатель не платит зарплату три месяца')
  if (options.stopBefore === 'files') return
  for (const p of a.photos ?? []) await d.sendPhoto(p)
  await d.pressData('c:files:done')
  if (a.phone) await d.shareContact(a.phone)
  else await d.press('💬')
  await d.pressData(`c:safe:${a.safe ?? 'yes'}`)
  if (options.send !== false) await d.pressData('c:summary:send')
}

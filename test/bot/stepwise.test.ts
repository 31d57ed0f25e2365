import type { ConversationState } from '@grammyjs/conversations'
import type { Update } from 'grammy/types'
import { describe, expect, it } from 'vitest'
import { compactRun } from '../../src/bot/conversations/stepwise.js'
import { createTestBot, startAs, type TestBot } from '../helpers/bot-harness.js'

const update = (id: number) => ({ update_id: id }) as Update

describe('compactRun: the state of a run cut down to its journal', () => {
  // wait (entry) · external (once) · sendMessage + wait (question answered) | sendMessage + wait (open question)
  const run: ConversationState = {
    args: JSON.stringify([null, []]),
    interrupts: [5],
    replay: {
      send: ['wait', 'external', 'sendMessage', 'wait', 'sendMessage', 'wait'].map((payload) => ({ payload })),
      receive: [
        { send: 0, returnValue: update(1) },
        { send: 1, returnValue: { ok: true, ret: 'x' } },
        { send: 2, returnValue: 'question 1' },
        { send: 3, returnValue: update(2) },
        { send: 4, returnValue: 'question 2' },
      ],
    },
  }

  it('keeps the update as the first wait and the open question after it, renumbered', () => {
    expect(compactRun(run, update(2), { topic: 'work' }, [['once', 'x'], ['q1', 'yes']], [4, 4])).toEqual({
      args: JSON.stringify([{ topic: 'work' }, [['once', 'x'], ['q1', 'yes']]]),
      interrupts: [2],
      replay: {
        send: ['wait', 'sendMessage', 'wait'].map((payload) => ({ payload })),
        receive: [
          { send: 0, returnValue: update(2) },
          { send: 1, returnValue: 'question 2' },
        ],
      },
    })
  })

  it('leaves the state whole when an operation begun before the cut ends after it, or the cut is outside the log', () => {
    const straddling = { ...run, replay: { ...run.replay, receive: [run.replay.receive[0]!, run.replay.receive[2]!, run.replay.receive[1]!, ...run.replay.receive.slice(3)] } }
    expect(compactRun(straddling, update(2), null, [], [2, 1])).toBeUndefined()
    expect(compactRun(run, update(2), null, [], [7, 4])).toBeUndefined()
    expect(compactRun(run, update(2), null, [], [0, 0])).toBeUndefined()
  })
})

/** Presses `c:…` buttons (`press:label` a keyboard button), sends a sticker for `sticker`, and types everything else. */
async function play(h: TestBot, list: string[], restartEachTime: boolean): Promise<void> {
  for (const s of list) {
    if (s === 'sticker') await h.driver.sendSticker()
    else if (s.startsWith('press:')) await h.driver.press(s.slice('press:'.length))
    else if (s.startsWith('c:')) await h.driver.pressData(s)
    else await h.driver.send(s)
    if (restartEachTime) await h.restart()
  }
}

/** Every Bot API call the bot made, as sent. */
const calls = (h: TestBot) => h.telegram.calls.map((c) => [c.method, c.payload])

describe('a stepwise conversation goes on the same after a restart between any two updates', () => {
  // Re-prompts inside a question (a sticker, a command, "12 тыс" read back with Yes / No) and between them.
  const BENEFITS = ['/benefits', 'sticker', 'c:childrenUnder16:yes', '0 4 7', 'c:baby:born', '1', 'c:babiesAtOnce:1', 'c:babyBornAbroad:no', 'c:caregiver:parent', 'c:orphan:no', 'c:highMountain:no', 'c:disabledChild:no', '/help', 'c:disabledAdult:no', 'c:pregnantWoman:no', 'c:elderWithoutPension:no', 'c:motherHeroine:no', '5', '12 тыс', 'c:monthlyIncome:ok:12000', '0', 'c:socialPassport:no']
  const REQUEST = ['/lawyer', 'c:consent:yes', 'c:for:family', 'Azamat', 'c:topic:work', 'sticker', 'c:urgency:normal', 'c:city:kazan', 'Unpaid wages since October', 'c:files:done', 'press:💬', 'c:safe:no', 'c:summary:edit', 'c:edit:city', 'c:city:moscow', 'c:summary:send']

  it.each([
    ['the benefits questions', BENEFITS, 'benefits:short.title'],
    ['the legal request', REQUEST, 'lawyer:sent'],
  ])('%s: the same messages, buttons and edits with a restart after every update as without', async (_name, list, lastKey) => {
    const transcripts: unknown[] = []
    for (const restartEachTime of [false, true]) {
      const h = await createTestBot()
      await startAs(h, 8200, 'ru')
      await play(h, list, restartEachTime)
      transcripts.push(calls(h))
      // Both reach the end: the answer, or the request's confirmation.
      expect(h.lastText().slice(0, 12)).toBe(h.t('ru', lastKey, { reference: 'JO-2026-00001' }).slice(0, 12))
    }
    expect(transcripts[1]).toEqual(transcripts[0])
  })
})

import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const TOKEN = '123456:' + 'A'.repeat(35)
const tsx = join(process.cwd(), 'node_modules/.bin/tsx')

export const freshDatabase = () => join(mkdtempSync(join(tmpdir(), 'joldosh-e2e-')), 'j.db')

/** A free loopback port (listen on 0, close, reuse). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

export interface BotProcess {
  child: ChildProcess
  stderr: () => string
  /** Settles with the exit code; rejects if the process has not exited within `ms`. */
  exited: (ms?: number) => Promise<number | null>
  /** SIGTERM, then the exit code (bounded). */
  stop: (ms?: number) => Promise<number | null>
}

/** `npm start` as an operator runs it: `tsx src/main.ts`, environment only, no terminal. */
export function startBot(env: Record<string, string>, stdin: 'ignore' | 'pipe' = 'ignore', options: { singleProcess?: boolean } = {}): BotProcess {
  // The tsx command runs the bot in a child process and relays signals; a SIGKILL must reach the bot
  // itself (as systemd's KillMode=control-group would), so that test loads tsx into one node process.
  const [command, args] = options.singleProcess ? [process.execPath, ['--import', 'tsx', 'src/main.ts']] : [tsx, ['src/main.ts']]
  const child = spawn(command, args, { env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...env }, stdio: [stdin, 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  child.stdout!.resume()
  const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)))
  const exited = (ms = 20_000) =>
    Promise.race([
      exit,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the bot did not exit within ${ms} ms; stderr: ${stderr.slice(-500)}`)), ms).unref()),
    ])
  return {
    child,
    stderr: () => stderr,
    exited,
    stop: (ms?: number) => {
      if (child.exitCode === null) child.kill('SIGTERM')
      return exited(ms).finally(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'))
    },
  }
}

/** Polls `check` until it returns something, at most `ms`. */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, ms = 20_000, what = 'the bot'): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

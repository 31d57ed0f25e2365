import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

/** A data key and its id; the id is written beside every value so rotation knows which key sealed it. */
export interface DataKey {
  id: string
  key: Buffer
}

const PREFIX = 'enc1:'
const SEALED = /^enc1:([0-9a-f]{8}):([A-Za-z0-9+/]+=*)$/

/** DATA_KEY is 32 random bytes, as base64 (`openssl rand -base64 32`) or 64 hex digits. */
export function parseDataKey(text: string): DataKey {
  const trimmed = text.trim()
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64')
  if (key.length !== 32) throw new Error('must be 32 bytes as base64 (openssl rand -base64 32) or 64 hex digits')
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key }
}

let current: DataKey | undefined
const known = new Map<string, Buffer>()

/** Sets the key new values are sealed with, and the older keys values may still be sealed with. */
export function useDataKeys(key: DataKey | undefined, older: DataKey[] = []): void {
  current = key
  known.clear()
  for (const k of [...older, ...(key ? [key] : [])]) known.set(k.id, k.key)
}

export function currentKeyId(): string | undefined {
  return current?.id
}

/** AES-256-GCM with a fresh 12-byte nonce: `enc1:<key id>:<base64(nonce | tag | ciphertext)>`. Plain text without a key. */
export function sealText(plain: string): string {
  if (!current) return plain
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', current.key, iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return `${PREFIX}${current.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
}

/** The plain text of a stored value; values stored before a key was set are plain already. */
export function openText(stored: string): string {
  const m = SEALED.exec(stored)
  if (!m) return stored
  const key = known.get(m[1]!)
  if (!key) throw new Error(`a value is sealed with data key ${m[1]}, which is not configured (DATA_KEY / DATA_KEYS_OLD)`)
  const raw = Buffer.from(m[2]!, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
}

/** Whether a stored value is already sealed with this key id (rotation skips it: resumable). */
export function sealedWith(stored: string, keyId: string): boolean {
  return stored.startsWith(`${PREFIX}${keyId}:`)
}

/**
 * The date and time an admin types to schedule an alert, read as Moscow time (UTC+3 all year, no
 * daylight saving since 2014). Pure.
 */
const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000

/** `05.12.2026 10:00`, `5.12.2026 9:30`, `2026-12-05 10:00` → the instant, or undefined. */
export function readMoscowDateTime(text: string): Date | undefined {
  const s = text.trim()
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})[ ,T]+(\d{1,2})[:.](\d{2})$/.exec(s)
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2})[:.](\d{2})$/.exec(s)
  const parts = dmy ? [dmy[3], dmy[2], dmy[1], dmy[4], dmy[5]] : ymd ? [ymd[1], ymd[2], ymd[3], ymd[4], ymd[5]] : undefined
  if (!parts) return undefined
  const [y, mo, d, h, mi] = parts.map(Number) as [number, number, number, number, number]
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return undefined
  const utc = Date.UTC(y, mo - 1, d, h, mi)
  const check = new Date(utc)
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return undefined
  return new Date(utc - MOSCOW_OFFSET_MS)
}

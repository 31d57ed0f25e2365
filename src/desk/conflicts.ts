/**
 * Possible conflicts of interest: other requests about a person with a similar name or the same
 * phone, so a lawyer does not advise both sides. Pure.
 */
export interface ConflictCandidate {
  id: number
  reference: string
  subjectName: string | null
  contactPhone: string | null
}

export interface Conflict {
  reference: string
  reason: 'phone' | 'name'
}

const phoneKey = (phone: string | null) => {
  const digits = (phone ?? '').replace(/\D/g, '')
  return digits.length >= 7 ? digits.slice(-9) : null
}

const nameKey = (name: string | null) =>
  (name ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\s]/gu, '')
    .split(/\s+/)
    .filter(Boolean)
    .sort()
    .join(' ')

/** Levenshtein distance, enough for short names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = current
    }
  }
  return row[b.length]!
}

export function findConflicts(request: ConflictCandidate, others: readonly ConflictCandidate[]): Conflict[] {
  const phone = phoneKey(request.contactPhone)
  const name = nameKey(request.subjectName)
  const conflicts: Conflict[] = []
  for (const other of others) {
    if (other.id === request.id) continue
    if (phone && phoneKey(other.contactPhone) === phone) conflicts.push({ reference: other.reference, reason: 'phone' })
    else {
      const otherName = nameKey(other.subjectName)
      if (name.length >= 3 && otherName.length >= 3 && distance(name, otherName) <= Math.floor(Math.min(name.length, otherName.length) / 6)) {
        conflicts.push({ reference: other.reference, reason: 'name' })
      }
    }
  }
  return conflicts
}

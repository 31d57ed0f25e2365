import { describe, expect, it } from 'vitest'
import { findConflicts } from '../../src/desk/conflicts.js'

const r = (id: number, subjectName: string | null, contactPhone: string | null) => ({ id, reference: `JO-2026-0000${id}`, subjectName, contactPhone })

describe('conflicts of interest', () => {
  it('finds the same phone written differently', () => {
    expect(findConflicts(r(1, null, '+7 (912) 345-67-89'), [r(2, null, '89123456789'), r(3, null, '+7 900 000 00 00')])).toEqual([{ reference: 'JO-2026-00002', reason: 'phone' }])
  })

  it('finds similar names in any word order, but not different ones', () => {
    const conflicts = findConflicts(r(1, 'Азамат Бакиров', null), [r(2, 'бакиров азамат', null), r(3, 'Азамат Бакирова', null), r(4, 'Айгуль Токтогулова', null)])
    expect(conflicts.map((c) => c.reference)).toEqual(['JO-2026-00002', 'JO-2026-00003'])
  })

  it('ignores the request itself and empty data', () => {
    expect(findConflicts(r(1, null, null), [r(1, null, null), r(2, null, null)])).toEqual([])
  })
})

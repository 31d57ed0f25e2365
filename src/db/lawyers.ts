import { asc, eq } from 'drizzle-orm'
import type { Db } from './client.js'
import { auditLog, lawyers, referralOrganisations } from './schema.js'

export type Lawyer = typeof lawyers.$inferSelect

export function findLawyer(db: Db, userId: number): Lawyer | undefined {
  return db.select().from(lawyers).where(eq(lawyers.userId, userId)).get()
}

export function listLawyers(db: Db): Lawyer[] {
  return db.select().from(lawyers).orderBy(asc(lawyers.addedAt)).all()
}

/** Adds a lawyer or changes the name shown to migrants. */
export function addLawyer(db: Db, userId: number, displayName: string | null, addedBy: number, now: Date): void {
  db.insert(lawyers)
    .values({ userId, displayName, addedBy, addedAt: now })
    .onConflictDoUpdate({ target: lawyers.userId, set: { displayName } })
    .run()
}

export function removeLawyer(db: Db, userId: number): boolean {
  return db.delete(lawyers).where(eq(lawyers.userId, userId)).run().changes > 0
}

export function listReferralOrganisations(db: Db) {
  return db.select().from(referralOrganisations).orderBy(asc(referralOrganisations.name)).all()
}

export function findReferralOrganisation(db: Db, id: number) {
  return db.select().from(referralOrganisations).where(eq(referralOrganisations.id, id)).get()
}

export function addReferralOrganisation(db: Db, name: string, addedBy: number, now: Date): void {
  db.insert(referralOrganisations).values({ name, addedBy, addedAt: now }).onConflictDoNothing().run()
}

export function removeReferralOrganisation(db: Db, id: number): boolean {
  return db.delete(referralOrganisations).where(eq(referralOrganisations.id, id)).run().changes > 0
}

/** Who viewed or changed what: ids and action names only. */
export function audit(db: Db, actorId: number, action: string, requestId: number | null, now: Date, detail?: string): void {
  db.insert(auditLog).values({ actorId, action, requestId, detail: detail ?? null, createdAt: now }).run()
}

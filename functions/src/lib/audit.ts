import { FieldValue, type Transaction, type WriteBatch } from 'firebase-admin/firestore';
import { collections } from './collections.js';
import type { AuditDoc } from './documents.js';

/**
 * Appends one audit entry in the same transaction or batch as the change it describes. `id` keys an
 * entry that a duplicate delivery must not repeat (the transaction reads it first).
 */
export function writeAudit(writer: Transaction | WriteBatch, entry: Omit<AuditDoc, 'at'>, id?: string): void {
  const ref = id ? collections.auditLog().doc(id) : collections.auditLog().doc();
  const data = { ...entry, at: FieldValue.serverTimestamp() } as unknown as AuditDoc;
  writer.create(ref, data);
}

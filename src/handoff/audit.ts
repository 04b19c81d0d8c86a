import { ObjectId, type Collection, type Db, type Filter } from 'mongodb';
import { z } from 'zod';
import { Collections } from '../store/collections';

/** Everything the audit log records. */
export const AUDIT_ACTIONS = [
  'view',
  'claim',
  'release',
  'message',
  'close',
  'export',
  'login',
  'loginFailed',
  'logout',
  'logoutEverywhere',
  'viewAudit',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntrySchema = z.object({
  _id: z.instanceof(ObjectId),
  at: z.date(),
  /** Who: null for a failed login by an unknown or wrong account. */
  actor: z.object({ id: z.string(), email: z.string(), role: z.string() }).nullable(),
  action: z.enum(AUDIT_ACTIONS),
  handoffId: z.string().nullable(),
  /** Small, never personal: an outcome, an address, never message text. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).catch({}),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export interface AuditRecord {
  actor: { id: string; email: string; role: string } | null;
  action: AuditAction;
  handoffId?: string | null;
  detail?: Record<string, string | number | boolean | null>;
}

export interface AuditQuery {
  handoffId?: string;
  actorId?: string;
  action?: AuditAction;
  /** Entries strictly before this time (for paging back). */
  before?: Date;
  limit?: number;
}

/**
 * Append-only audit log: who viewed, claimed, messaged, exported or closed which handoff, and
 * when. This class can add and read entries; there is deliberately no way to change or delete one.
 */
export class AuditLog {
  private readonly log: Collection;

  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.log = db.collection(Collections.auditLog);
  }

  async record(entry: AuditRecord): Promise<void> {
    await this.log.insertOne({
      at: this.now(),
      actor: entry.actor,
      action: entry.action,
      handoffId: entry.handoffId ?? null,
      detail: entry.detail ?? {},
    });
  }

  /** Newest first. */
  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const filter: Filter<Record<string, unknown>> = {};
    if (query.handoffId) filter.handoffId = query.handoffId;
    if (query.actorId) filter['actor.id'] = query.actorId;
    if (query.action) filter.action = query.action;
    if (query.before) filter.at = { $lt: query.before };
    const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
    const docs = await this.log.find(filter).sort({ at: -1, _id: -1 }).limit(limit).toArray();
    return docs.map((doc) => AuditEntrySchema.parse(doc));
  }
}

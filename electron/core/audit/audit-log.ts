import type { Db } from '../../../db/open';
import { auditLog } from '../../../db/schema';

/** Record what was done, by action name, with a small JSON detail. Call inside the same transaction. */
export function recordAudit(db: Db, at: Date, action: string, subject: string | null, detail?: object): void {
  db.insert(auditLog)
    .values({ at: at.toISOString(), action, subject, detail: detail ? JSON.stringify(detail) : null })
    .run();
}

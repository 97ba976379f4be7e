import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { templates } from '../../../db/schema';
import type { TemplateChannel, TemplateDto, TemplateInput } from '../../../shared/templates';

type TemplateRow = typeof templates.$inferSelect;

export class TemplatesRepository {
  constructor(private readonly db: Db) {}

  /** By name (case-insensitive), of one channel or of all. */
  list(channel: TemplateChannel | undefined): TemplateDto[] {
    return this.db
      .select()
      .from(templates)
      .where(channel && eq(templates.channel, channel))
      .orderBy(sql`${templates.name} COLLATE NOCASE`, asc(templates.channel))
      .all()
      .map(toDto);
  }

  get(id: number): TemplateDto | undefined {
    const row = this.db.select().from(templates).where(eq(templates.id, id)).get();
    return row && toDto(row);
  }

  /** The template of this channel with this name, compared as the unique index does (ignoring case). */
  withName(channel: TemplateChannel, name: string): Pick<TemplateRow, 'id' | 'name'> | undefined {
    return this.db
      .select({ id: templates.id, name: templates.name })
      .from(templates)
      .where(and(eq(templates.channel, channel), sql`${templates.name} = ${name} COLLATE NOCASE`))
      .get();
  }

  insert(input: TemplateInput, at: Date): number {
    const now = at.toISOString();
    return this.db
      .insert(templates)
      .values({ ...columns(input), createdAt: now, updatedAt: now })
      .returning({ id: templates.id })
      .get().id;
  }

  /** False when there is no such template. */
  update(id: number, input: TemplateInput, at: Date): boolean {
    return this.db.update(templates).set({ ...columns(input), updatedAt: at.toISOString() }).where(eq(templates.id, id)).run().changes > 0;
  }

  delete(id: number): boolean {
    return this.db.delete(templates).where(eq(templates.id, id)).run().changes > 0;
  }
}

function columns({ name, channel, content }: TemplateInput): Pick<TemplateRow, 'name' | 'channel' | 'content'> {
  return { name, channel, content: JSON.stringify(content) };
}

function toDto(row: TemplateRow): TemplateDto {
  const content: unknown = JSON.parse(row.content);
  // The content was validated against this channel's schema when it was saved.
  return { id: row.id, name: row.name, channel: row.channel, content, createdAt: row.createdAt, updatedAt: row.updatedAt } as TemplateDto;
}

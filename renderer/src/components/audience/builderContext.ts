import { createContext, useContext } from 'react';
import type { FieldOption } from '../../lib/audienceFields';
import type { DraftNode, Problem } from '../../lib/audienceDraft';

/** What every row of the audience builder needs: how to edit the tree, and what to show next to each row. */
export interface Builder {
  change(key: string, change: (node: DraftNode) => DraftNode): void;
  remove(key: string): void;
  add(groupKey: string, node: DraftNode): void;
  fields: readonly FieldOption[];
  tags: readonly string[];
  /** Rows left out of the count because they are not filled in (or wrongly). */
  problems: ReadonlyMap<string, Problem>;
  /** What the core said about a row. */
  issues: ReadonlyMap<string, string>;
}

export const BuilderContext = createContext<Builder | null>(null);

export function useBuilder(): Builder {
  const builder = useContext(BuilderContext);
  if (!builder) throw new Error('The audience builder rows were used outside the builder.');
  return builder;
}

import * as Y from 'yjs';
import { fieldLogKey } from '@concord/shared/cases/field-log.ts';

/**
 * The top-level fields a transaction changed, as the attribution trail names them: `notes` for a text, and
 * `case.village` for a key of a map (SPEC A-ATTR-1). Nested types count as their top-level field.
 */
export function changedFields(doc: Y.Doc, transaction: Y.Transaction): string[] {
  // shared types by identity: Yjs types them with generics that do not meet, and identity is all that matters
  const roots = new Map<object, string>();
  for (const [name, type] of doc.share) roots.set(type, name);
  const fields = new Set<string>();
  for (const [type, keys] of transaction.changed) {
    let top: object = type;
    let item = type._item;
    while (item !== null && item.parent instanceof Y.AbstractType) {
      top = item.parent;
      item = item.parent._item;
    }
    const name = roots.get(top);
    if (name === undefined) continue;
    const mapKeys = top === type ? [...keys].filter((key): key is string => key !== null) : [];
    if (top instanceof Y.Map && mapKeys.length > 0) for (const key of mapKeys) fields.add(`${name}.${key}`);
    else fields.add(name);
  }
  // the field log records the change of the field beside it (SPEC C-HIST-1): naming it too would say nothing
  // more; written alone, it is an edit of its own and stays named
  if (fields.size > 1) fields.delete(fieldLogKey);
  return [...fields].sort();
}

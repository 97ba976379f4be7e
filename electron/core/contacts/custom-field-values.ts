/**
 * A client's custom fields as stored (a JSON object of strings), as a Map of their own entries.
 * Whatever the column holds, this never throws: numbers and true/false read as text, anything else
 * (null, a list, an object, JSON that does not parse) is no value.
 */
export function readCustomFields(json: string): Map<string, string> {
  const fields = new Map<string, string>();
  if (json === '{}') return fields;
  const parsed = parseJson(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fields;
  for (const [key, value] of Object.entries(parsed)) {
    const text = asText(value);
    if (text !== undefined) fields.set(key, text);
  }
  return fields;
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

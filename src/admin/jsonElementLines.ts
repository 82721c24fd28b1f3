/**
 * For each top-level key whose value is an array, the 1-based line where each element starts,
 * so import errors can name a line. A small scanner: strings, nesting and newlines only.
 */
export function jsonElementLines(content: string): Map<string, number[]> {
  const result = new Map<string, number[]>();
  let line = 1;
  let depth = 0;
  let lastKey = '';
  let currentArray: number[] | null = null;
  let expectingElement = false;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (ch === '\n') { line++; continue; }
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    if (currentArray && expectingElement && depth === 2 && ch !== ']') {
      currentArray.push(line);
      expectingElement = false;
    }
    if (ch === '"') {
      const start = i + 1;
      for (i++; i < content.length && content[i] !== '"'; i++) if (content[i] === '\\') i++;
      if (depth === 1) lastKey = content.slice(start, i);
      continue;
    }
    if (ch === '{' || ch === '[') {
      depth++;
      if (ch === '[' && depth === 2) {
        currentArray = [];
        result.set(lastKey, currentArray);
        expectingElement = true;
      }
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 1) currentArray = null;
    } else if (ch === ',' && depth === 2 && currentArray) {
      expectingElement = true;
    }
  }
  return result;
}

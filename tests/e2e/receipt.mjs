// Writes a workbench receipt (`candour-receipt`, format version 1) the way
// the README documents it, independently of the app's Rust code: for the
// end-to-end tests, until the workbench's own "Write a receipt" button
// exists. Each record's digest is SHA-256 of its exact JSON text in the
// export file's `records` array, from its `{` to its matching `}`.
import { createHash } from 'node:crypto';

/**
 * The exact text of each element of the top-level `records` array of the
 * export `text`, found by scanning the JSON (strings and nesting followed),
 * never by parsing and writing it again (which would change numbers such
 * as 4.0, and so the digest).
 */
export function recordTexts(text) {
  const start = findRecordsArray(text);
  const out = [];
  let i = start + 1;
  for (;;) {
    i = skipSpace(text, i);
    if (text[i] === ']') return out;
    if (text[i] === ',') { i = skipSpace(text, i + 1); }
    const end = endOfValue(text, i);
    out.push(text.slice(i, end));
    i = end;
  }
}

/** `sha256:` and the lowercase hex SHA-256 of `text`'s UTF-8 bytes. */
export function digest(text) {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** The receipt for the export files `files` ([{ name, text }]). */
export function buildReceipt(files, writtenAt = new Date()) {
  const receipt = {
    format: 'candour-receipt',
    format_version: 1,
    app_version: 'test-helper',
    written_at: writtenAt.toISOString(),
    files: [],
    records: [],
  };
  for (const { name, text } of files) {
    const parsed = JSON.parse(text);
    const records = recordTexts(text);
    if (records.length !== parsed.records.length) throw new Error(`receipt: ${name}: records misread`);
    receipt.files.push({
      file: name,
      device_label: parsed.device_label,
      exported_at: parsed.exported_at,
      record_count: records.length,
    });
    records.forEach((raw, n) => receipt.records.push({ id: parsed.records[n].id, digest: digest(raw) }));
  }
  return `${JSON.stringify(receipt)}\n`;
}

function skipSpace(text, i) {
  while (/\s/.test(text[i] ?? '')) i += 1;
  return i;
}

/** Where the top-level "records" array opens (its `[`). */
function findRecordsArray(text) {
  let i = skipSpace(text, 0);
  if (text[i] !== '{') throw new Error('receipt: not a JSON object');
  i += 1;
  for (;;) {
    i = skipSpace(text, i);
    if (text[i] === '}') throw new Error('receipt: no "records"');
    if (text[i] === ',') i = skipSpace(text, i + 1);
    const keyEnd = endOfValue(text, i);
    const key = JSON.parse(text.slice(i, keyEnd));
    i = skipSpace(text, keyEnd);
    if (text[i] !== ':') throw new Error('receipt: malformed object');
    i = skipSpace(text, i + 1);
    if (key === 'records') {
      if (text[i] !== '[') throw new Error('receipt: "records" is not an array');
      return i;
    }
    i = endOfValue(text, i);
  }
}

/** The index just past the JSON value starting at `i`. */
function endOfValue(text, i) {
  if (text[i] === '"') {
    let j = i + 1;
    while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  if (text[i] === '{' || text[i] === '[') {
    let depth = 0;
    let j = i;
    for (;;) {
      const c = text[j];
      if (c === '"') { j = endOfValue(text, j); continue; }
      if (c === '{' || c === '[') depth += 1;
      if (c === '}' || c === ']') {
        depth -= 1;
        if (depth === 0) return j + 1;
      }
      j += 1;
    }
  }
  let j = i;
  while (j < text.length && !/[,\]}\s]/.test(text[j])) j += 1;
  return j;
}

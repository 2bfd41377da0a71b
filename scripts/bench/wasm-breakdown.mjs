// Prints the wasm's size by crate and its largest functions (issue 9: the
// heaviest dependencies made visible), from `twiggy top` of a release wasm
// built with its names kept and then put through wasm-bindgen and
// `wasm-opt -Oz -g` like the shipped one: -g keeps the names in a custom
// section that is left out here, so the figures are the shipped bytes.
// Usage: node scripts/bench/wasm-breakdown.mjs TWIGGY WASM [TOP]
//   (scripts/bench.sh makes that wasm and runs it)
import { execFileSync } from 'node:child_process';

const [twiggy, wasm, topArg] = process.argv.slice(2);
const TOP = Number(topArg ?? 25);

/** Splits one CSV line of twiggy's output (quoted names may hold commas). */
function cells(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') { cur += '"'; i += 1; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out;
}

/** The crate a symbol's code belongs to: for `<T as Trait>::f` the crate of
 * `T` (derive and trait code for a type counts to the type's crate), or of
 * the trait when `T` is generic or a primitive; data and sections by kind. */
export function crateOf(name) {
  if (name.startsWith('data segment')) return '(data)';
  if (name.startsWith('custom section') || name.includes('subsection')) return '(custom section, stripped when shipped)';
  if (/^(table|elem|global|memory|import|export|type)\b/.test(name) || name.startsWith('"')) return '(wasm tables, imports, exports)';
  const n = name.replace(/\[[0-9a-f]{16}\]/g, '');
  const own = n.replace(/^<+/, '').replace(/^(&mut |&|dyn |\*const |\*mut |\[|\()+/, '').match(/^([A-Za-z_][A-Za-z0-9_]*)::/);
  if (own) return own[1];
  const trait = n.match(/^<[^<>]*? as ([A-Za-z_][A-Za-z0-9_]*)::/);
  if (trait) return trait[1];
  if (/^<(char|str|bool|[iuf](8|16|32|64|128|size)|\[T\])>::/.test(n)) return 'core';
  if (/^(__rust|__rdl|__rg|rust_)/.test(name)) return 'alloc';
  if (/^(__wbg|__wbindgen|__externref|wasm_bindgen)/.test(name)) return 'wasm_bindgen';
  if (/^(memcpy|memset|memmove|memcmp|dlmalloc|__)/.test(name)) return 'compiler_builtins';
  return '(no name kept)';
}

const csv = execFileSync(twiggy, ['top', '-n', '1000000', '-f', 'csv', wasm], { maxBuffer: 1 << 28 }).toString();
const rows = csv.trim().split('\n').slice(1).map(cells).map(([name, size]) => ({ name, size: Number(size) }));
const shipped = rows.filter((r) => !crateOf(r.name).startsWith('(custom'));
const total = shipped.reduce((s, r) => s + r.size, 0);
const byCrate = new Map();
for (const r of shipped) byCrate.set(crateOf(r.name), (byCrate.get(crateOf(r.name)) ?? 0) + r.size);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
const pct = (n) => `${((100 * n) / total).toFixed(1)}%`.padStart(6);
console.log(`code and data as shipped: ${kb(total).trim()} (custom sections left out)`);
console.log('by crate:');
for (const [name, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${name.padEnd(40)} ${kb(size)} ${pct(size)}`);
console.log(`largest functions (of ${shipped.length} items):`);
for (const r of shipped.filter((r) => !crateOf(r.name).startsWith('(')).sort((a, b) => b.size - a.size).slice(0, TOP)) {
  const short = r.name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
  console.log(`  ${kb(r.size)}  ${short.length > 110 ? `${short.slice(0, 107)}...` : short}`);
}

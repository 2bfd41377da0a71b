// Finding elements by ARIA role and accessible name, inside the page, the same
// way in every engine. This is a small subset of the ARIA and accname rules,
// enough for what Candour's pages use (native buttons, headings, inputs with
// labels, landmarks, live regions, lists); the driver then asks the engine
// itself, where it can, for its own role and name of the element it acts on,
// so a difference in what an engine's accessibility layer exposes still fails.
//
// `A11Y` is evaluated in the page; it must not close over anything.

/** Installs `window.__candourA11y` (once per document) and returns it. */
export function A11Y() {
  // Kept only for the document it was made in. Firefox was seen (about one
  // run in ten) to hand a new document the helper of the one before it,
  // whose functions then fail with "Security Manager vetoed" on every
  // call: checked, and made again, rather than trusted.
  try {
    const kept = window.__candourA11y;
    if (kept && kept.doc === document && kept.roleOf(document.documentElement) !== undefined) return kept;
  } catch {
    // A helper from a document torn down: replaced below.
  }
  const IMPLICIT = [
    ['button', 'button, input[type=button], input[type=submit], input[type=reset], summary'],
    ['link', 'a[href]'],
    ['heading', 'h1, h2, h3, h4, h5, h6'],
    ['radio', 'input[type=radio]'],
    ['checkbox', 'input[type=checkbox]'],
    ['textbox', 'textarea, input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=url]'],
    ['searchbox', 'input[type=search]'],
    ['spinbutton', 'input[type=number]'],
    ['combobox', 'select'],
    ['main', 'main'],
    ['navigation', 'nav'],
    ['region', 'section[aria-label], section[aria-labelledby]'],
    ['group', 'fieldset'],
    ['list', 'ul, ol'],
    ['listitem', 'li'],
    ['status', 'output'],
    ['dialog', 'dialog'],
    ['table', 'table'],
    ['img', 'img[alt]:not([alt=""]), svg[role=img]'],
  ];
  const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

  function roleOf(el) {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit.split(/\s+/)[0];
    for (const [role, selector] of IMPLICIT) if (el.matches(selector)) return role;
    return null;
  }

  function hidden(el) {
    if (el.closest('[hidden], [aria-hidden="true"], [inert]')) return true;
    if (el.type === 'file' || el.matches('input[type=radio], input[type=checkbox]')) {
      // Candour draws its own marks: the real inputs may be visually
      // hidden, yet they are what assistive technology operates.
      const style = getComputedStyle(el);
      return style.display === 'none' || style.visibility === 'hidden';
    }
    if (typeof el.checkVisibility === 'function') return !el.checkVisibility({ visibilityProperty: true });
    const style = getComputedStyle(el);
    return style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0;
  }

  /** Text of a subtree for a name: aria-label wins per node, hidden parts skipped. */
  function textOf(node, seen) {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent;
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    if (seen.has(node)) return '';
    seen.add(node);
    if (node.getAttribute('aria-hidden') === 'true' || node.hidden) return '';
    if (node.matches('script, style, template')) return '';
    const label = node.getAttribute('aria-label');
    if (label) return ` ${label} `;
    if (node.matches('input[type=text], input:not([type]), textarea')) return node.value;
    if (node.matches('img')) return node.getAttribute('alt') ?? '';
    const block = getComputedStyle(node).display !== 'inline';
    let text = '';
    for (const child of node.childNodes) text += textOf(child, seen);
    return block ? ` ${text} ` : text;
  }

  function nameOf(el) {
    const seen = new Set([el]);
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      return norm(by.split(/\s+/).map((id) => document.getElementById(id))
        .filter(Boolean).map((n) => textOf(n, new Set())).join(' '));
    }
    const label = el.getAttribute('aria-label');
    if (label) return norm(label);
    if (el.labels && el.labels.length) {
      return norm([...el.labels].map((l) => textOf(l, seen)).join(' '));
    }
    if (el.matches('input[type=button], input[type=submit], input[type=reset]')) return norm(el.value);
    const role = roleOf(el);
    if (['button', 'link', 'heading', 'radio', 'checkbox', 'listitem', 'tab', 'option', 'menuitem', 'cell'].includes(role)) {
      return norm(textOf(el, new Set()));
    }
    if (el.matches('fieldset')) {
      const legend = el.querySelector(':scope > legend');
      if (legend) return norm(textOf(legend, new Set()));
    }
    return norm(el.getAttribute('title'));
  }

  function levelOf(el) {
    const m = /^h([1-6])$/i.exec(el.tagName);
    return m ? Number(m[1]) : Number(el.getAttribute('aria-level')) || null;
  }

  function nameMatches(actual, wanted, exact) {
    if (wanted === undefined || wanted === null) return true;
    if (wanted instanceof RegExp) return wanted.test(actual);
    return exact ? actual === norm(wanted) : actual.toLowerCase().includes(norm(wanted).toLowerCase());
  }

  /** Revives a query that crossed into the page as JSON. */
  function revive(q) {
    if (!q) return q;
    const out = { ...q };
    for (const key of ['name', 'text', 'label']) {
      if (q[key] && typeof q[key] === 'object' && 'regexp' in q[key]) out[key] = new RegExp(q[key].regexp, q[key].flags);
    }
    if (q.within) out.within = revive(q.within);
    return out;
  }

  /**
   * Every visible element matching `query`: `{ role, name, exact, level,
   * label, text, within }`. `label` finds a form control by its accessible
   * name whatever its role; `text` finds the smallest element whose text
   * matches; `within` narrows to the matches of another query.
   */
  function findAll(query) {
    const q = revive(query);
    // Inside every match of `within` (an empty live region may come first).
    const roots = q.within ? findAll(q.within) : [document];
    const out = [];
    for (const root of roots) {
      // A scope holding only text is itself where the text is.
      const own = q.text !== undefined && root !== document ? [root] : [];
      for (const el of [...own, ...root.querySelectorAll('*')]) {
        if (hidden(el)) continue;
        if (q.text !== undefined) {
          const own = norm(el.innerText ?? el.textContent);
          if (!nameMatches(own, q.text, q.exact)) continue;
          // The smallest element holding the text, not its ancestors.
          if ([...el.children].some((c) => !hidden(c) && nameMatches(norm(c.innerText ?? c.textContent), q.text, q.exact))) continue;
          out.push(el);
          continue;
        }
        if (q.label !== undefined) {
          if (!el.matches('input, textarea, select')) continue;
          if (!nameMatches(nameOf(el), q.label, q.exact)) continue;
          out.push(el);
          continue;
        }
        if (roleOf(el) !== q.role) continue;
        if (q.level && levelOf(el) !== q.level) continue;
        if (!nameMatches(nameOf(el), q.name, q.exact)) continue;
        out.push(el);
      }
    }
    return out;
  }

  /** A short description of a query, for error messages. */
  function describe(query) {
    const q = revive(query);
    const what = q.text !== undefined ? `text ${q.text}` : q.label !== undefined ? `label ${q.label}` : `${q.role}${q.name !== undefined ? ` "${q.name}"` : ''}${q.level ? ` level ${q.level}` : ''}`;
    return q.within ? `${what} within ${describe(q.within)}` : what;
  }

  window.__candourA11y = { findAll, nameOf, roleOf, describe, norm, doc: document };
  return window.__candourA11y;
}

/** A query as it can cross into the page (a RegExp does not survive JSON). */
export function portable(query) {
  if (!query) return query;
  const out = { ...query };
  if (query.name instanceof RegExp) out.name = { regexp: query.name.source, flags: query.name.flags };
  if (query.text instanceof RegExp) out.text = { regexp: query.text.source, flags: query.text.flags };
  if (query.label instanceof RegExp) out.label = { regexp: query.label.source, flags: query.label.flags };
  if (query.within) out.within = portable(query.within);
  return out;
}

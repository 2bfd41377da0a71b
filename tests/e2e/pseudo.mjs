// Helpers of the tests that walk a page in the pseudo-locale (en-XA: every
// letter of the app's own texts accented): what text a person can see or
// hear, and which of it is still plain English.

/**
 * Every piece of text a person can see or hear on the page: text nodes
 * (drawn icons aside) and the attributes that name or describe things.
 */
export function textsOnPage(page) {
  return page.evaluate(() => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('script, style, noscript, svg')
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.textContent.trim()) found.push(n.textContent.trim());
    }
    for (const e of document.body.querySelectorAll('*')) {
      for (const a of ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'alt', 'placeholder']) {
        const v = e.getAttribute(a);
        if (v?.trim()) found.push(v.trim());
      }
      if (e.matches('input[type=button], input[type=submit]') && e.value) found.push(e.value);
    }
    return found;
  });
}

/**
 * Texts holding a word in plain English: two ASCII letters in a row. The
 * pseudo-locale accents every letter, so any such word was not translated.
 * `data` lists what is data, not words, and may stay ASCII (a build id, a
 * recovery code): each string or pattern is taken out of every text first.
 */
export async function englishOn(page, { data = [] } = {}) {
  const texts = await textsOnPage(page);
  return texts
    .map((t) => data.reduce((left, d) => left.replaceAll(d, ''), t))
    .filter((t) => /[A-Za-z]{2}/.test(t));
}

"""Names of landmarks as a screen reader lists them, for the checks axe leaves out: axe
does not report two unnamed search landmarks, a region named like the section around it,
or a section labelled by its own id (its name is then its whole text)."""

SCRIPT = """() => {
  const text = id => (document.getElementById(id) || {}).textContent || '';
  const nameOf = el => (el.getAttribute('aria-label')
    || (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean).map(text).join(' ')
  ).trim().replace(/\\s+/g, ' ');
  const implicit = {NAV: 'navigation', ASIDE: 'complementary', SECTION: 'region', FORM: 'form'};
  const problems = [];
  const seen = new Set();
  const selector = 'nav, aside, section, form, [role=search], [role=region], [role=navigation]';
  for (const el of document.querySelectorAll(selector)) {
    const role = el.getAttribute('role') || implicit[el.tagName];
    const name = nameOf(el);
    const labelledBy = (el.getAttribute('aria-labelledby') || '').split(/\\s+/);
    if (el.id && labelledBy.includes(el.id)) {
      problems.push(`${el.tagName.toLowerCase()}#${el.id} ist mit sich selbst beschriftet`);
    }
    if (!el.getClientRects().length) continue;  // not shown
    if ((role === 'region' || role === 'form') && !name) continue;  // no landmark then
    if (role === 'search' && !name) problems.push('Suche ohne Namen');
    if (role === 'region') {
      const outer = el.parentElement.closest('section, [role=region]');
      if (outer && nameOf(outer) === name) problems.push(`Bereich „${name}“ im gleichnamigen Bereich`);
    }
    const key = `${role} „${name}“`;
    if (seen.has(key)) problems.push(`${key} zweimal`);
    seen.add(key);
  }
  return problems;
}"""


def landmark_problems(page) -> list[str]:
    return page.evaluate(SCRIPT)

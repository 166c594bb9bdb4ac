/**
 * What a `data-consent` attribute asks for: `"analytics promotional"` needs every category
 * listed; `"!analytics"` runs only once the visitor has decided and refused analytics.
 */
export interface ConsentRequirement {
  granted: string[];
  refused: string[];
}

export interface ConsentState {
  decided: boolean;
  granted(category: string): boolean;
}

export function parseRequirement(value: string | null): ConsentRequirement {
  const requirement: ConsentRequirement = { granted: [], refused: [] };
  for (const token of (value ?? '').split(/\s+/).filter(Boolean)) {
    if (token.startsWith('!')) {
      if (token.length > 1) requirement.refused.push(token.slice(1));
    } else {
      requirement.granted.push(token);
    }
  }
  return requirement;
}

export function isMet(requirement: ConsentRequirement, state: ConsentState): boolean {
  // An empty mark asks for nothing the visitor could give: it never runs, rather than always.
  if (requirement.granted.length === 0 && requirement.refused.length === 0) return false;
  if (requirement.refused.length > 0 && !state.decided) return false;
  return (
    requirement.granted.every((category) => state.granted(category)) &&
    requirement.refused.every((category) => !state.granted(category))
  );
}

export function categoriesOf(element: Element): ConsentRequirement {
  return parseRequirement(element.getAttribute('data-consent'));
}

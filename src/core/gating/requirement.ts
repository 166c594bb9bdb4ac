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
  for (const token of (value ?? '').split(/\s+/)) {
    if (!token.startsWith('!')) {
      if (token) requirement.granted.push(token);
    } else if (token.length > 1) requirement.refused.push(token.slice(1));
  }
  return requirement;
}

export function isMet({ granted, refused }: ConsentRequirement, state: ConsentState): boolean {
  return (
    // An empty mark asks for nothing the visitor could give: it never runs, rather than always.
    (granted.length > 0 || refused.length > 0) &&
    (refused.length === 0 || state.decided) &&
    granted.every((category) => state.granted(category)) &&
    !refused.some((category) => state.granted(category))
  );
}

export function categoriesOf(element: Element): ConsentRequirement {
  return parseRequirement(element.getAttribute('data-consent'));
}

/**
 * After a redraw in another language, focus goes to the control that plays the part the focused
 * one played: a keyboard user keeps their place (WCAG 2.4.3) instead of landing on the page.
 */
export function refocusPart(before: Element | null | undefined, container: ParentNode): void {
  const part = before?.getAttribute('part');
  if (part) container.querySelector<HTMLElement>(`[part="${part}"]`)?.focus();
}

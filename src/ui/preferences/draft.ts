import type { ConsentChoice } from '../../core/decision.js';
import type { ResolvedConfig } from '../../core/types.js';

/**
 * The dialog's switches after one of them changed: a category's switch takes its services
 * along, and a service's switch turns its category on when it is the first one on, or off
 * with the last one, the way the manager will save it.
 */
export function toggledDraft(config: ResolvedConfig, draft: ConsentChoice, id: string, checked: boolean): ConsentChoice {
  const next: ConsentChoice = { ...draft, [id]: checked };
  for (const category of config.categories) {
    if (category.id === id) category.services.forEach((service) => (next[service.id] = checked));
    else if (category.services.some((service) => service.id === id)) next[category.id] = category.services.some((service) => next[service.id] === true);
  }
  return next;
}

import type { ResolvedConfig } from './types.js';

/**
 * Every id a `data-consent` mark may name. The one place that knows: ids of other kinds join the
 * categories' here, and every check of a mark follows.
 */
export function configuredIds(config: ResolvedConfig | undefined): string[] {
  return config?.categories.flatMap((category) => [category.id, ...category.services.map((service) => service.id)]) ?? [];
}

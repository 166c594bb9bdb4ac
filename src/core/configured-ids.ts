import type { ResolvedConfig } from './types.js';

/**
 * Every configured id, category or service, with whether it is always granted (a service is as
 * required as its category). The one place that knows which ids there are: the decisions, the
 * gating's check of a mark and debug mode all follow it.
 */
export function configuredPurposes(config: ResolvedConfig): [id: string, required: boolean][] {
  return config.categories.flatMap(({ id, required, services }) => [
    [id, required] as [string, boolean],
    ...services.map(({ id }): [string, boolean] => [id, required]),
  ]);
}

/** Every id a `data-consent` mark may name. */
export function configuredIds(config: ResolvedConfig | undefined): string[] {
  return config ? configuredPurposes(config).map(([id]) => id) : [];
}

/** Whether an id is a required category or one of its services, granted whatever the visitor chose. */
export function isRequiredId(config: ResolvedConfig, id: string): boolean {
  return config.categories.some((category) => category.required && (category.id === id || category.services.some((service) => service.id === id)));
}

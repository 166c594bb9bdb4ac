import type { CookieDescription, ResolvedCategory, ResolvedConfig, ResolvedService, Translation } from '../../core/types.js';
import type { UiStrings } from './en.js';

export type Strings = UiStrings & Translation;

/** The label and description of a category or service: configured, else translated, else its id. */
export function categoryText(category: ResolvedCategory | ResolvedService, strings: Strings): { label: string; description: string } {
  const translated = (suffix: 'Label' | 'Description'): string | undefined =>
    strings[`${category.id}${suffix}`] ?? strings[`category.${category.id}.${suffix.toLowerCase()}`];
  return {
    label: category.label ?? translated('Label') ?? category.id,
    description: category.description ?? translated('Description') ?? '',
  };
}

/**
 * Everything the visitor reads before choosing, in order: what the proof of consent hashes.
 * The same list whichever build drew the banner, so one text always gives one hash.
 */
export function shownStrings(config: ResolvedConfig, strings: Strings): string[] {
  const cookieTexts = (cookies: CookieDescription[]) => cookies.flatMap((cookie) => [cookie.name, cookie.provider, cookie.duration, cookie.purpose]);
  const categories = config.categories.flatMap((category) => {
    const { label, description } = categoryText(category, strings);
    const services = category.services.flatMap((service) => {
      const text = categoryText(service, strings);
      return [text.label, text.description, service.provider ?? '', service.policyUrl ?? '', ...cookieTexts(service.cookies)];
    });
    return [label, description, ...cookieTexts(category.cookies), ...services];
  });
  return [
    strings.bannerTitle,
    strings.bannerText,
    strings.policyLink,
    config.policyUrl,
    strings.acceptAll,
    strings.rejectAll,
    strings.customize,
    strings.preferencesTitle,
    strings.preferencesIntro,
    ...categories,
    strings.save,
  ];
}

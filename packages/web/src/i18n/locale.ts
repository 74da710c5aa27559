/** The two interface languages: Chinese by default ('zh'), English on request ('en'). */
export type Locale = 'zh' | 'en';

/** Reads a locale from a stored or requested value, falling back to Chinese: 'en-US' → 'en'. */
export function parseLocale(value: string | null | undefined): Locale {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/**
 * The interface language for the whole app: Chinese unless the visitor switched to English (kept in localStorage and
 * in the URL as ?lang=en so screenshots and shared links keep it). Example: const { t } = useI18n(); t('nav.budget') → '预算'.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { parseLocale, type Locale } from './locale.ts';
import type { MessageKey } from './messages.zh.ts';
import { translate, type MessageValues } from './translate.ts';

export interface I18n {
  readonly locale: Locale;
  readonly t: (key: MessageKey, values?: MessageValues) => string;
  readonly setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | undefined>(undefined);

const STORAGE_KEY = 'duixian.locale';

function readInitialLocale(): Locale {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl) return parseLocale(fromUrl);
  try {
    return parseLocale(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'zh';
  }
}

export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readInitialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(locale, 'app.title');
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, values) => translate(locale, key, values) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

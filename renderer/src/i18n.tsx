/**
 * The interface language for React: the provider, the translator hook, and the document's
 * language and direction (Arabic turns the whole layout right to left). The messages are in messages.ts.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setErrorLanguage } from './api';
import { builtInTagNames, formatMessage, type MessageKey, tables, type UiLanguage } from './messages';

export type { MessageKey, UiLanguage } from './messages';

interface I18n {
  lang: UiLanguage;
  dir: 'ltr' | 'rtl';
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** A tag's name as shown: a starter tag's name in the interface language, any other as the analyst wrote it. */
  tagLabel: (name: string) => string;
  toggleLanguage: () => void;
}

const I18nContext = createContext<I18n | null>(null);
const LANGUAGE_KEY = 'sanad.uiLanguage';

/** Provides the interface language to the app and mirrors the document for Arabic. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<UiLanguage>(() => (localStorage.getItem(LANGUAGE_KEY) === 'ar' ? 'ar' : 'en'));
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
    document.title = tables[lang].appName;
    setErrorLanguage(lang);
    localStorage.setItem(LANGUAGE_KEY, lang);
  }, [lang, dir]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      dir,
      t: (key, values) => formatMessage(lang, key, values),
      tagLabel: (name) => (Object.hasOwn(builtInTagNames, name) ? formatMessage(lang, builtInTagNames[name]!) : name),
      toggleLanguage: () => setLang((l) => (l === 'en' ? 'ar' : 'en')),
    }),
    [lang, dir],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, direction and translator. */
export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

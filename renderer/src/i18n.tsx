/**
 * The interface's two languages. English is the reference table; the Arabic one must have every
 * key (a missing translation is a compile error). Arabic also turns the whole layout right to left.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

const en = {
  appName: 'Sanad',
  library: 'Library',
  annotations: 'Annotations',
  import: 'Import files',
  importFolder: 'Import folder',
  dropHere: 'Drop files or folders to import them',
  searchPlaceholder: 'Search the library: words, "phrases", OR, NOT, prefix*…',
  allLanguages: 'All languages',
  anyTag: 'Any tag',
  outletFilter: 'Outlet',
  fromDate: 'From',
  toDate: 'To',
  clearSearch: 'Clear',
  results: '{n} matching article(s)',
  tooManyToRank: 'About {n} articles match: too many to rank, so the most recently imported come first. Add words to narrow the search.',
  snippet: 'Match',
  score: 'Score',
  author: 'Author',
  url: 'URL',
  format: 'Format',
  possibleDuplicate: 'Possible duplicate of',
  duplicateOf: '#{id} "{title}" ({percent}% similar)',
  pasteArticle: 'Paste text',
  pasteTitle: 'Paste an article',
  pasteBody: 'Article text',
  pasteTitleField: 'Title (optional: the first line otherwise)',
  save: 'Save',
  spellingVariants: 'Spelling variants',
  variantsHelp: 'Words in one group are searched as one: a search for any finds them all. One word each, in any script.',
  variantsPlaceholder: 'e.g. الموصل, Mosul',
  addGroup: 'Add group',
  editHint: 'Double-click a title, outlet, author, date or language to edit it.',
  warning: 'note',
  filterAnnotations: 'Filter annotations…',
  title: 'Title',
  outlet: 'Outlet',
  published: 'Published',
  language: 'Language',
  imported: 'Imported',
  annotationCount: 'Annotations',
  quote: 'Quote',
  tag: 'Tag',
  note: 'Note',
  article: 'Article',
  created: 'Created',
  importing: 'Importing {n} file(s)…',
  importSummary: '{imported} imported, {skipped} skipped, {failed} failed',
  close: 'Close',
  cancel: 'Cancel',
  back: 'Back to library',
  emptyLibrary: 'No articles yet. Import files (text, HTML, DOCX, PDF, CSV, JSON) with the buttons above, or drop files and folders anywhere on this window.',
  noResults: 'No article matches this search.',
  emptyAnnotations: 'No annotations yet. Open an article, select a passage and choose a tag.',
  tagSelection: 'Tag the selection',
  notePlaceholder: 'Note (optional)',
  newTag: 'New tag…',
  addTag: 'Add',
  selectHint: 'Select a passage, then press 1–9 or click a tag. Esc closes the toolbar.',
  articleAnnotations: 'Annotations in this article',
  noArticleAnnotations: 'None yet.',
  delete: 'Delete',
  switchLanguage: 'العربية',
  loading: 'Loading…',
  characters: 'characters',
  undone: 'Undone: {action} “{quote}”',
  redone: 'Redone: {action} “{quote}”',
  nothingToUndo: 'Nothing to undo.',
  nothingToRedo: 'Nothing to redo.',
  action_create: 'tagging',
  action_edit: 'change to',
  action_delete: 'deletion of',
  undo: 'Undo',
  redo: 'Redo',
  editText: 'Edit text',
  replaceFromFile: 'Replace from file…',
  editTextTitle: 'Edit the article text',
  editTextHelp: 'Annotations are re-anchored to the new text; any that cannot be placed with certainty wait for review.',
  reanchored: 'Text updated. Annotations kept in place: {position}; found by quote: {quote}; by close match: {fuzzy}; need review: {review}.',
  needsReview: 'Needs review ({n})',
  reviewUnmatched: 'Not found in the new text.',
  reviewAmbiguous: 'Found in several places.',
  wasHere: 'Was',
  useThisPlace: 'Use this place',
  placeOnSelection: 'Place on selected text',
  selectFirst: 'Select the passage in the text first.',
  textSize: 'Text size',
  lineHeight: 'Line spacing',
  exportW3c: 'Export W3C annotations',
  importW3c: 'Import W3C annotations',
  annotationsImported: '{imported} annotation(s) imported, {skipped} already there, {failed} failed.',
  findInArticle: 'Find in article…',
  findCount: '{current} of {total}',
  findNone: 'Not found',
  errorPrefix: 'Error',
  screenFailed: 'This screen failed:',
  retry: 'Try again',
};

/** A key of the interface's text tables. */
export type MessageKey = keyof typeof en;

const ar: Record<MessageKey, string> = {
  appName: 'سند',
  library: 'المكتبة',
  annotations: 'التعليقات التوضيحية',
  import: 'استيراد ملفات',
  importFolder: 'استيراد مجلد',
  dropHere: 'أفلت الملفات أو المجلدات هنا لاستيرادها',
  searchPlaceholder: 'ابحث في المكتبة: كلمات، "عبارات"، OR، NOT، بادئة*…',
  allLanguages: 'كل اللغات',
  anyTag: 'أي وسم',
  outletFilter: 'الوسيلة',
  fromDate: 'من',
  toDate: 'إلى',
  clearSearch: 'مسح',
  results: '{n} مقالًا مطابقًا',
  tooManyToRank: 'نحو {n} مقال يطابق البحث: عدد أكبر من أن يُرتَّب، فتظهر أحدث المقالات استيرادًا أولًا. أضف كلمات لتضييق البحث.',
  snippet: 'المقطع المطابق',
  score: 'الدرجة',
  author: 'الكاتب',
  url: 'الرابط',
  format: 'الصيغة',
  possibleDuplicate: 'نسخة محتملة من',
  duplicateOf: '#{id} «{title}» (تشابه {percent}٪)',
  pasteArticle: 'لصق نص',
  pasteTitle: 'لصق مقال',
  pasteBody: 'نص المقال',
  pasteTitleField: 'العنوان (اختياري: وإلا فالسطر الأول)',
  save: 'حفظ',
  spellingVariants: 'صيغ الكتابة',
  variantsHelp: 'كلمات المجموعة الواحدة يُبحث عنها معًا: البحث عن أيٍّ منها يجدها كلها. كلمة واحدة لكل صيغة، بأي خط.',
  variantsPlaceholder: 'مثال: الموصل، Mosul',
  addGroup: 'إضافة مجموعة',
  editHint: 'انقر مرتين على العنوان أو الوسيلة أو الكاتب أو التاريخ أو اللغة لتعديله.',
  warning: 'ملاحظة',
  filterAnnotations: 'تصفية التعليقات…',
  title: 'العنوان',
  outlet: 'الوسيلة',
  published: 'تاريخ النشر',
  language: 'اللغة',
  imported: 'تاريخ الاستيراد',
  annotationCount: 'التعليقات',
  quote: 'الاقتباس',
  tag: 'الوسم',
  note: 'ملاحظة',
  article: 'المقال',
  created: 'أُنشئ في',
  importing: 'جارٍ استيراد {n} ملف…',
  importSummary: 'استُورد {imported}، وتُخطّي {skipped}، وفشل {failed}',
  close: 'إغلاق',
  cancel: 'إلغاء',
  back: 'العودة إلى المكتبة',
  emptyLibrary: 'لا توجد مقالات بعد. استورد ملفات (نص، HTML، DOCX، PDF، CSV، JSON) بالأزرار أعلاه، أو أفلت ملفات ومجلدات في أي مكان من هذه النافذة.',
  noResults: 'لا يطابق هذا البحث أي مقال.',
  emptyAnnotations: 'لا توجد تعليقات بعد. افتح مقالًا وحدّد مقطعًا واختر وسمًا.',
  tagSelection: 'وسم التحديد',
  notePlaceholder: 'ملاحظة (اختيارية)',
  newTag: 'وسم جديد…',
  addTag: 'إضافة',
  selectHint: 'حدّد مقطعًا ثم اضغط ١–٩ أو انقر وسمًا. Esc يغلق الشريط.',
  articleAnnotations: 'التعليقات في هذا المقال',
  noArticleAnnotations: 'لا شيء بعد.',
  delete: 'حذف',
  switchLanguage: 'English',
  loading: 'جارٍ التحميل…',
  characters: 'حرفًا',
  undone: 'تراجع عن: {action} «{quote}»',
  redone: 'إعادة: {action} «{quote}»',
  nothingToUndo: 'لا شيء للتراجع عنه.',
  nothingToRedo: 'لا شيء لإعادته.',
  action_create: 'وسم',
  action_edit: 'تعديل',
  action_delete: 'حذف',
  undo: 'تراجع',
  redo: 'إعادة',
  editText: 'تحرير النص',
  replaceFromFile: 'استبدال من ملف…',
  editTextTitle: 'تحرير نص المقال',
  editTextHelp: 'تُعاد مواضع التعليقات على النص الجديد، وما لا يمكن تحديد موضعه بيقين ينتظر المراجعة.',
  reanchored: 'حُدّث النص. تعليقات بقيت في مكانها: {position}؛ وُجدت بالاقتباس: {quote}؛ بمطابقة تقريبية: {fuzzy}؛ تحتاج مراجعة: {review}.',
  needsReview: 'تحتاج مراجعة ({n})',
  reviewUnmatched: 'لم يُعثر عليه في النص الجديد.',
  reviewAmbiguous: 'وُجد في أكثر من موضع.',
  wasHere: 'كان',
  useThisPlace: 'استخدم هذا الموضع',
  placeOnSelection: 'ضعه على النص المحدد',
  selectFirst: 'حدّد المقطع في النص أولًا.',
  textSize: 'حجم النص',
  lineHeight: 'تباعد الأسطر',
  exportW3c: 'تصدير التعليقات (W3C)',
  importW3c: 'استيراد تعليقات (W3C)',
  annotationsImported: 'استُورد {imported} تعليق، وكان {skipped} موجودًا، وفشل {failed}.',
  findInArticle: 'ابحث في المقال…',
  findCount: '{current} من {total}',
  findNone: 'لا نتائج',
  errorPrefix: 'خطأ',
  screenFailed: 'تعذّر عرض هذه الشاشة:',
  retry: 'إعادة المحاولة',
};

const tables = { en, ar };

/** The interface language. */
export type UiLanguage = keyof typeof tables;

interface I18n {
  lang: UiLanguage;
  dir: 'ltr' | 'rtl';
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
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
    localStorage.setItem(LANGUAGE_KEY, lang);
  }, [lang, dir]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      dir,
      t: (key, values) => tables[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? '')),
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

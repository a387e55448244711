/**
 * Every message an API error can carry, by key, in both interface languages. An error crosses
 * the boundary with its code, this key and its parameters; the renderer shows it in the
 * interface language, and the CLI and logs read the English one. No zod here: the renderer
 * imports this file.
 */

const en = {
  articleNotFound: 'There is no article #{id}; it may have been deleted.',
  annotationNotFound: 'There is no annotation #{id}.',
  tagNotFound: 'There is no tag #{id}.',
  entityNotFound: 'There is no entity #{id}.',
  claimNotFound: 'There is no claim #{id}; it may have been deleted.',
  eventNotFound: 'There is no event #{id}; it may have been deleted.',
  viewNotFound: 'There is no saved view #{id}; it may have been deleted.',
  reportNotFound: 'There is no report #{id}; it may have been deleted.',
  templateNotFound: 'There is no report template #{id}; it may have been deleted.',
  notInReport: 'The report has no {what} #{id}; reload it and edit again.',
  mentionNotFound: 'There is no mention #{id}.',
  variantGroupNotFound: 'There is no spelling-variant group #{id}.',
  jobFinished: 'Job #{id} has already finished, or there is no such job.',
  exportCancelled: 'The export was cancelled; nothing was written.',
  passagePastEnd: 'The passage ends at {end}, past the end of the article ({length}).',
  emptySelection: 'Select some text, not only spaces.',
  entityExists: 'There is already an entity of that kind called “{name}”.',
  aliasCovered: '“{alias}” reads the same as an alias “{entity}” already has (after folding hamza, clitics and case), so it is already found.',
  tagExists: 'A tag called “{name}” already exists.',
  tagNameTaken: 'A tag called “{name}” already exists; merge the two instead.',
  tagCycle: 'A tag cannot be moved inside itself or one of its own sub-tags.',
  shortcutTaken: 'The key “{key}” already applies the tag “{name}”.',
  mergeSameTag: 'Choose two different tags to merge.',
  mergeSameSource: 'Choose another source to merge “{name}” into: a source cannot be merged into itself.',
  mergeIntoChild: 'A tag cannot be merged into one of its own sub-tags.',
  moveToSameTag: 'Move the passages to another tag than the one being deleted.',
  fileNotRead: '{file}: {reason}',
  noTextInFile: '{file}: no article text found in it',
  notUnderstood: '{reason}',
  undoRefused: '{reason}',
  invalidRequest: 'Invalid request: {details}',
  tooLong: 'The {field} is too long: at most {max} characters.',
  tooMany: 'Too many {field}: at most {max}.',
  codeTooLong: 'In {file}, the code “{code}” has a {field} of {length} characters; at most {max}. Nothing was imported.',
  fileTooMany: '{file} holds more than {max} {field}; import it in parts. Nothing was imported.',
  fileTooDeep: '{file} nests more than {max} levels deep. Nothing was imported.',
  unknownMethod: 'Sanad has no API method “{method}”.',
  internal: 'Something went wrong inside Sanad: {reason}',
  storeFull: 'The disk is full, so this change could not be saved. Nothing was lost: the library is as it was before. Free some space and try again.',
  storeReadOnly: 'The library cannot be written: its file or folder is read-only. Nothing was changed. Give Sanad write access, or open a copy elsewhere.',
  storeBusy: 'Another program is writing to this library (for example `sanad import`), and Sanad waited {seconds} s for it. Nothing was changed; try again in a moment.',
  storeStopped: 'Sanad’s {role} thread has stopped: {reason}. Restart Sanad; your data is safe in the store.',
  unreachable: 'Cannot reach the Sanad server. Is `sanad serve` still running?',
  wrongToken: 'Missing or wrong access token. Open the address that `sanad serve` printed, token included.',
  wrongHost: 'Refused a request for host “{host}”.',
  tooLarge: 'Request larger than {megabytes} MB; import fewer files at once.',
  fileTooLarge: '“{file}” is larger than {megabytes} MB, the largest file Sanad takes in. Split it into smaller files.',
  uploadNotFound: '“{file}” is no longer waiting to be imported (an uploaded file is used once, and kept at most an hour). Choose the file again.',
  uploadNotSaved: '“{file}” could not be received: {reason}',
  uploadNameMissing: 'Name the uploaded file in the {header} header (percent-encoded).',
  notJson: 'The request body is not valid JSON.',
  tooDeep: 'The request nests deeper than {depth} levels.',
  badPath: 'The address is not valid (a broken percent-encoding).',
  postOnly: 'API calls use POST.',
  backupNotArchive: '“{file}” is not a Sanad backup, or it is cut short: it cannot be read as a backup archive ({reason}). Nothing was restored.',
  backupNoManifest: '“{file}” is not a Sanad backup: it holds no manifest.json. Nothing was restored.',
  backupBadManifest: 'The manifest of “{file}” cannot be read: {reason}. Nothing was restored.',
  backupNewerFormat: '“{file}” was made by a newer version of Sanad ({version}). Update Sanad to restore it; nothing was restored.',
  backupNewerSchema: '“{file}” holds a library from a newer version of Sanad (schema {found}; this version knows up to {latest}). Update Sanad to restore it; nothing was restored.',
  backupChecksum: '“{file}” is damaged: its library does not match the SHA-256 checksum in its manifest. Nothing was restored.',
  backupNotDatabase: '“{file}” is damaged: the library inside it is not a readable database. Nothing was restored.',
  backupDamaged: '“{file}” is damaged: SQLite’s check of the library inside it failed ({reason}). Nothing was restored.',
  backupForeign: '“{file}” holds a database that is not a Sanad library. Nothing was restored.',
  backupRowCounts: '“{file}” does not match its manifest: the manifest counts {expected} rows in {table}, the library holds {found}. Nothing was restored.',
  backupCancelled: 'The backup was cancelled; no backup file was made.',
  restoreTargetExists: 'There is already a library at {path}. Restore into a new file, or add --force to replace it (the current one is then kept beside it, its name ending in .before-restore-<date>).',
  restoreFailed: 'The backup was verified, but Sanad could not open it as the library ({reason}); the library is as it was.',
  downloadNotFound: 'This file is no longer waiting to be saved (a file Sanad makes for you is fetched once, and kept at most an hour). Make it again.',
  restoreUnavailable: 'This Sanad cannot replace its library while it runs. Restore from the command line instead: sanad restore FILE --db NEW.',
  subEventTypeWithoutType: 'The sub-type “{subType}” needs its event type: choose the type too.',
  subEventTypeNotOfType: '“{subType}” is not one of ACLED’s sub-types of “{type}”, which are: {allowed}.',
};

/** The key of an API error's message. */
export type ErrorKey = keyof typeof en;

const ar: Record<ErrorKey, string> = {
  articleNotFound: 'لا يوجد مقال رقم {id}؛ ربما حُذف.',
  annotationNotFound: 'لا يوجد تعليق رقم {id}.',
  tagNotFound: 'لا يوجد وسم رقم {id}.',
  entityNotFound: 'لا يوجد كيان رقم {id}.',
  claimNotFound: 'لا يوجد ادعاء رقم {id}؛ ربما حُذف.',
  eventNotFound: 'لا يوجد حدث رقم {id}؛ ربما حُذف.',
  viewNotFound: 'لا يوجد عرض محفوظ رقم {id}؛ ربما حُذف.',
  reportNotFound: 'لا يوجد تقرير رقم {id}؛ ربما حُذف.',
  templateNotFound: 'لا يوجد قالب تقرير رقم {id}؛ ربما حُذف.',
  notInReport: 'لا يحوي التقرير {what} رقم {id}؛ أعد تحميله ثم عدّله.',
  mentionNotFound: 'لا توجد إشارة رقم {id}.',
  variantGroupNotFound: 'لا توجد مجموعة تهجئات رقم {id}.',
  jobFinished: 'انتهى العمل رقم {id} من قبل، أو لا وجود له.',
  exportCancelled: 'أُلغي التصدير؛ لم يُكتب شيء.',
  passagePastEnd: 'ينتهي المقطع عند {end}، بعد نهاية المقال ({length}).',
  emptySelection: 'حدّد نصًا، لا مسافات فقط.',
  entityExists: 'يوجد من قبل كيان من النوع نفسه اسمه «{name}».',
  aliasCovered: '«{alias}» يُقرأ مثل اسم بديل لـ«{entity}» موجود من قبل (بعد توحيد الهمزات والسوابق وحالة الأحرف)، فهو يُعثر عليه أصلًا.',
  tagExists: 'يوجد من قبل وسم اسمه «{name}».',
  tagNameTaken: 'يوجد من قبل وسم اسمه «{name}»؛ ادمج الوسمين بدلًا من ذلك.',
  tagCycle: 'لا يمكن نقل وسم إلى داخل نفسه أو أحد فروعه.',
  shortcutTaken: 'المفتاح «{key}» يطبّق الوسم «{name}» من قبل.',
  mergeSameTag: 'اختر وسمين مختلفين للدمج.',
  mergeSameSource: 'اختر مصدرًا آخر لدمج «{name}» فيه: لا يُدمج مصدر في نفسه.',
  mergeIntoChild: 'لا يمكن دمج وسم في أحد فروعه.',
  moveToSameTag: 'انقل المقاطع إلى وسم غير الذي يُحذف.',
  fileNotRead: '{file}: {reason}',
  noTextInFile: '{file}: لا نص مقال فيه',
  notUnderstood: '{reason}',
  undoRefused: '{reason}',
  invalidRequest: 'طلب غير صالح: {details}',
  tooLong: '{field} أطول من المسموح: الحد الأقصى للأحرف {max}.',
  tooMany: 'عدد {field} أكبر من المسموح: الحد الأقصى {max}.',
  codeTooLong: 'في {file}: {field} في الرمز «{code}» أطول من المسموح (عدد أحرفه {length}، والحد الأقصى {max}). لم يُستورد شيء.',
  fileTooMany: 'يحوي {file} أكثر من {max} من {field}؛ استورده على أجزاء. لم يُستورد شيء.',
  fileTooDeep: 'يتداخل {file} أعمق من {max} مستوى. لم يُستورد شيء.',
  unknownMethod: 'لا يعرف سند الطلب «{method}».',
  internal: 'حدث خطأ داخل سند: {reason}',
  storeFull: 'القرص ممتلئ، فلم يُحفظ هذا التغيير. لم يضع شيء: المكتبة كما كانت. أفرغ بعض المساحة وأعد المحاولة.',
  storeReadOnly: 'لا يمكن الكتابة في المكتبة: ملفها أو مجلدها للقراءة فقط. لم يتغير شيء. امنح سند صلاحية الكتابة، أو افتح نسخة في مكان آخر.',
  storeBusy: 'برنامج آخر يكتب في هذه المكتبة (مثل `sanad import`)، وانتظره سند {seconds} ث. لم يتغير شيء؛ أعد المحاولة بعد قليل.',
  storeStopped: 'توقف خيط {role} في سند: {reason}. أعد تشغيل سند؛ بياناتك محفوظة.',
  unreachable: 'تعذّر الوصول إلى خادم سند. هل ما زال `sanad serve` يعمل؟',
  wrongToken: 'رمز الدخول مفقود أو خاطئ. افتح العنوان الذي طبعه `sanad serve` مع الرمز.',
  wrongHost: 'رُفض طلب للمضيف «{host}».',
  tooLarge: 'الطلب أكبر من {megabytes} ميغابايت؛ استورد ملفات أقل في المرة الواحدة.',
  fileTooLarge: '«{file}» أكبر من {megabytes} ميغابايت، وهو أكبر حجم لملف يقبله سند. قسّمه إلى ملفات أصغر.',
  uploadNotFound: '«{file}» لم يعد بانتظار الاستيراد (الملف المرفوع يُستعمل مرة واحدة، ويُحفظ ساعة على الأكثر). اختر الملف من جديد.',
  uploadNotSaved: 'تعذّر استلام «{file}»: {reason}',
  uploadNameMissing: 'سمِّ الملف المرفوع في الترويسة {header} (بترميز النسبة المئوية).',
  notJson: 'نص الطلب ليس JSON صالحًا.',
  tooDeep: 'يتداخل الطلب أعمق من {depth} مستوى.',
  badPath: 'العنوان غير صالح (ترميز نسبة مئوية معطوب).',
  postOnly: 'تستعمل طلبات الواجهة POST.',
  backupNotArchive: 'الملف «{file}» ليس نسخة احتياطية من سند، أو أنه مبتور: تعذّرت قراءته أرشيفًا للنسخ الاحتياطي ({reason}). لم يُستعَد شيء.',
  backupNoManifest: '«{file}» ليس نسخة احتياطية من سند: لا يحوي ملف manifest.json. لم يُستعَد شيء.',
  backupBadManifest: 'تعذّرت قراءة بيان «{file}»: {reason}. لم يُستعَد شيء.',
  backupNewerFormat: 'الملف «{file}» صنعه إصدار أحدث من سند ({version}). حدّث سند لاستعادته؛ لم يُستعَد شيء.',
  backupNewerSchema: 'الملف «{file}» يحوي مكتبة من إصدار أحدث من سند (المخطط {found}؛ وهذا الإصدار يعرف حتى {latest}). حدّث سند لاستعادته؛ لم يُستعَد شيء.',
  backupChecksum: 'الملف «{file}» تالف: مكتبته لا تطابق مجموع SHA-256 المدوّن في بيانه. لم يُستعَد شيء.',
  backupNotDatabase: 'الملف «{file}» تالف: المكتبة التي فيه ليست قاعدة بيانات مقروءة. لم يُستعَد شيء.',
  backupDamaged: 'الملف «{file}» تالف: أخفق فحص SQLite للمكتبة التي فيه ({reason}). لم يُستعَد شيء.',
  backupForeign: 'الملف «{file}» يحوي قاعدة بيانات ليست مكتبة من سند. لم يُستعَد شيء.',
  backupRowCounts: 'الملف «{file}» لا يطابق بيانه: يعدّ البيان {expected} صفًّا في {table}، والمكتبة فيها {found}. لم يُستعَد شيء.',
  backupCancelled: 'أُلغي النسخ الاحتياطي؛ لم يُصنع ملف.',
  restoreTargetExists: 'توجد مكتبة في {path}. استعِد إلى ملف جديد، أو أضف ‎--force لاستبدالها (وتُحفظ الحالية بجانبها باسم ينتهي بـ ‎.before-restore-<التاريخ>).',
  restoreFailed: 'تحقّق سند من النسخة الاحتياطية، لكنه لم يستطع فتحها مكتبةً ({reason})؛ المكتبة كما كانت.',
  downloadNotFound: 'لم يعد هذا الملف بانتظار الحفظ (الملف الذي يصنعه سند لك يُجلب مرة واحدة، ويُحفظ ساعة على الأكثر). اصنعه من جديد.',
  restoreUnavailable: 'لا يستطيع سند استبدال مكتبته وهو يعمل هنا. استعِد من سطر الأوامر: sanad restore FILE --db NEW.',
  subEventTypeWithoutType: 'النوع الفرعي «{subType}» يحتاج إلى نوع الحدث: اختر النوع أيضًا.',
  subEventTypeNotOfType: '«{subType}» ليس من الأنواع الفرعية لـ«{type}» في ACLED، وهي: {allowed}.',
};

/** Both tables. */
export const errorMessages = { en, ar };

/**
 * How a message names a field of a request (the `field` parameter, a path such as `title` or
 * `terms.2`, with item numbers written `[]`), in each language; a field not listed is named
 * by its path.
 */
const fieldNames: Record<keyof typeof errorMessages, Record<string, string>> = {
  en: {
    title: 'title',
    outlet: 'outlet',
    author: 'author',
    url: 'address (URL)',
    published: 'publication date',
    language: 'language',
    colour: 'colour',
    shortcut: 'shortcut key',
    body: 'text',
    text: 'text',
    note: 'note',
    name: 'name',
    description: 'description',
    alias: 'alias',
    aliases: 'aliases',
    'aliases[]': 'alias',
    terms: 'spellings',
    'terms[]': 'spelling',
    files: 'files',
    'files[].name': 'file name',
    'files[].dataBase64': 'file',
    dataBase64: 'file',
    ids: 'ids (items chosen)',
    query: 'search',
    quickFilter: 'quick filter',
    tag: 'tag',
    codes: 'codes',
    annotations: 'annotations',
    values: 'values',
  },
  ar: {
    title: 'العنوان',
    outlet: 'الوسيلة',
    author: 'الكاتب',
    url: 'الرابط (URL)',
    published: 'تاريخ النشر',
    language: 'اللغة',
    colour: 'اللون',
    shortcut: 'مفتاح الاختصار',
    body: 'النص',
    text: 'النص',
    note: 'الملاحظة',
    name: 'الاسم',
    description: 'الوصف',
    alias: 'الاسم البديل',
    aliases: 'الأسماء البديلة',
    'aliases[]': 'الاسم البديل',
    terms: 'التهجئات',
    'terms[]': 'التهجئة',
    files: 'الملفات',
    'files[].name': 'اسم الملف',
    'files[].dataBase64': 'الملف',
    dataBase64: 'الملف',
    ids: 'المعرّفات (العناصر المختارة)',
    query: 'البحث',
    quickFilter: 'التصفية السريعة',
    tag: 'الوسم',
    codes: 'الرموز',
    annotations: 'التعليقات',
    values: 'القيم',
  },
};

/** A field's name in a language: its path looked up whole, then by its last part. */
function fieldName(lang: keyof typeof errorMessages, path: string): string {
  const generic = path.replace(/\.\d+(?=\.|$)/g, '[]');
  return fieldNames[lang][generic] ?? fieldNames[lang][generic.split('.').pop()!] ?? path;
}

/** Parameters that are limits or lengths: written with thousands separators. */
const COUNTS = new Set(['max', 'length']);

/** Parameters of an error message. */
export type ErrorParams = Record<string, string | number>;

/**
 * An error's message in a language: its template with the parameters filled in. In the
 * interface (`isolated`), inserted text is wrapped in a first-strong isolate (FSI … PDI) so an
 * Arabic name in an English sentence, or the reverse, leaves the quote marks around it in place.
 */
export function errorText(lang: keyof typeof errorMessages, key: ErrorKey, params: ErrorParams = {}, isolated = false): string {
  return errorMessages[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const given = params[name]!;
    const value = name === 'field' ? fieldName(lang, String(given)) : COUNTS.has(name) && typeof given === 'number' ? given.toLocaleString('en-US') : String(given);
    return isolated && typeof params[name] === 'string' ? `\u2068${value}\u2069` : value;
  });
}

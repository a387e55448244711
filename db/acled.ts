/**
 * ACLED's event types and sub-event types (the Armed Conflict Location & Event Data codebook),
 * with the labels analysts read in Arabic. The store keeps ACLED's own English name, so an
 * export is ACLED's CSV as ACLED writes it; an analyst may also give a type of their own.
 * Pure data, shared by the contract (which checks a sub-type belongs to its type) and the
 * renderer (which offers them in the interface language).
 */

/** A type or sub-type: ACLED's English name (what is stored) and its Arabic label. */
export interface AcledName {
  name: string;
  ar: string;
}

/** An ACLED event type and the sub-event types that belong to it. */
export interface AcledEventType extends AcledName {
  subEventTypes: readonly AcledName[];
}

/** The 6 event types and 25 sub-event types, in ACLED's order. */
export const ACLED_EVENT_TYPES: readonly AcledEventType[] = [
  {
    name: 'Battles',
    ar: 'معارك',
    subEventTypes: [
      { name: 'Armed clash', ar: 'اشتباك مسلح' },
      { name: 'Government regains territory', ar: 'استعادة الحكومة السيطرة على أراضٍ' },
      { name: 'Non-state actor overtakes territory', ar: 'سيطرة جهة غير حكومية على أراضٍ' },
    ],
  },
  {
    name: 'Explosions/Remote violence',
    ar: 'انفجارات/عنف عن بُعد',
    subEventTypes: [
      { name: 'Chemical weapon', ar: 'سلاح كيميائي' },
      { name: 'Air/drone strike', ar: 'غارة جوية/بطائرة مسيّرة' },
      { name: 'Suicide bomb', ar: 'تفجير انتحاري' },
      { name: 'Shelling/artillery/missile attack', ar: 'قصف مدفعي/صاروخي' },
      { name: 'Remote explosive/landmine/IED', ar: 'عبوة ناسفة/لغم أرضي/تفجير عن بُعد' },
      { name: 'Grenade', ar: 'قنبلة يدوية' },
    ],
  },
  {
    name: 'Violence against civilians',
    ar: 'عنف ضد المدنيين',
    subEventTypes: [
      { name: 'Sexual violence', ar: 'عنف جنسي' },
      { name: 'Attack', ar: 'اعتداء' },
      { name: 'Abduction/forced disappearance', ar: 'اختطاف/إخفاء قسري' },
    ],
  },
  {
    name: 'Protests',
    ar: 'احتجاجات',
    subEventTypes: [
      { name: 'Peaceful protest', ar: 'احتجاج سلمي' },
      { name: 'Protest with intervention', ar: 'احتجاج تدخّلت فيه السلطات' },
      { name: 'Excessive force against protesters', ar: 'استخدام القوة المفرطة ضد المحتجين' },
    ],
  },
  {
    name: 'Riots',
    ar: 'أعمال شغب',
    subEventTypes: [
      { name: 'Violent demonstration', ar: 'مظاهرة عنيفة' },
      { name: 'Mob violence', ar: 'عنف جماعي' },
    ],
  },
  {
    name: 'Strategic developments',
    ar: 'تطورات استراتيجية',
    subEventTypes: [
      { name: 'Agreement', ar: 'اتفاق' },
      { name: 'Arrests', ar: 'اعتقالات' },
      { name: 'Change to group/activity', ar: 'تغيّر في جماعة أو نشاطها' },
      { name: 'Disrupted weapons use', ar: 'إحباط استخدام أسلحة' },
      { name: 'Headquarters or base established', ar: 'إنشاء مقر أو قاعدة' },
      { name: 'Looting/property destruction', ar: 'نهب/تدمير ممتلكات' },
      { name: 'Non-violent transfer of territory', ar: 'انتقال السيطرة على أراضٍ دون عنف' },
      { name: 'Other', ar: 'أخرى' },
    ],
  },
];

const key = (name: string) => name.trim().toLowerCase();

/** The ACLED event type called `name` (any case), or undefined for a type of the analyst's own. */
export function acledEventType(name: string): AcledEventType | undefined {
  return ACLED_EVENT_TYPES.find((type) => key(type.name) === key(name));
}

/** The ACLED sub-event type called `name` (any case) and the type it belongs to, or undefined. */
export function acledSubEventType(name: string): { type: AcledEventType; subEventType: AcledName } | undefined {
  for (const type of ACLED_EVENT_TYPES) {
    const subEventType = type.subEventTypes.find((sub) => key(sub.name) === key(name));
    if (subEventType) return { type, subEventType };
  }
  return undefined;
}

/**
 * Column headers of the centre's CSV tables in the reader's language. The JSON export and the
 * records keep the stable machine names (`workshopId`, `createdAt`…); only the CSV's first row is
 * translated, so a spreadsheet opened by a facilitator reads in their language.
 */
export const CSV_LANGUAGES = ['fr', 'en', 'ar'] as const;
export type CsvLanguage = (typeof CSV_LANGUAGES)[number];

const HEADERS: Record<CsvLanguage, Record<string, string>> = {
  fr: {
    id: 'identifiant',
    title: 'titre',
    question: 'question',
    purpose: 'servira à',
    createdAt: 'créé le',
    seriesId: 'série',
    position: 'rang dans la série',
    personalDataErasedAt: 'données personnelles effacées le',
    workshopId: 'atelier',
    name: 'nom',
    joinCode: 'code',
    site: 'lieu',
    kind: 'type',
    mood: 'humeur',
    table: 'table',
    joinedAt: 'arrivé·e le',
    phase: 'étape',
    origin: 'origine',
    text: 'texte',
    originalText: 'texte d’origine',
    theme: 'thème',
    hidden: 'masquée',
    parked: 'mise de côté',
    mergedInto: 'fusionnée dans',
    login: 'identifiant de connexion',
    role: 'rôle',
    since: 'depuis',
    description: 'description',
    shared: 'partagé',
    steps: 'étapes',
    // The workshop's own CSVs (ideas, questionnaire, figures).
    idea_id: 'identifiant de l’idée',
    gommettes: 'gommettes',
    paper_gommettes: 'gommettes sur papier',
    rank: 'rang',
    matrix_easy: 'matrice : facile',
    matrix_priority: 'matrice : prioritaire',
    section: 'rubrique',
    label: 'libellé',
    answers: 'réponses',
    average: 'moyenne',
    value: 'valeur',
  },
  en: {
    id: 'id',
    title: 'title',
    question: 'question',
    purpose: 'purpose',
    createdAt: 'created',
    seriesId: 'series',
    position: 'position in series',
    personalDataErasedAt: 'personal data erased',
    workshopId: 'workshop',
    name: 'name',
    joinCode: 'join code',
    site: 'site',
    kind: 'kind',
    mood: 'mood',
    table: 'table',
    joinedAt: 'joined',
    phase: 'step',
    origin: 'origin',
    text: 'text',
    originalText: 'original text',
    theme: 'theme',
    hidden: 'hidden',
    parked: 'parked',
    mergedInto: 'merged into',
    login: 'login',
    role: 'role',
    since: 'since',
    description: 'description',
    shared: 'shared',
    steps: 'steps',
    idea_id: 'idea id',
    gommettes: 'gommettes',
    paper_gommettes: 'paper gommettes',
    rank: 'rank',
    matrix_easy: 'matrix: easy',
    matrix_priority: 'matrix: priority',
    section: 'section',
    label: 'label',
    answers: 'answers',
    average: 'average',
    value: 'value',
  },
  ar: {
    id: 'المعرّف',
    title: 'العنوان',
    question: 'السؤال',
    purpose: 'الغاية',
    createdAt: 'تاريخ الإنشاء',
    seriesId: 'السلسلة',
    position: 'الترتيب في السلسلة',
    personalDataErasedAt: 'تاريخ محو البيانات الشخصية',
    workshopId: 'الورشة',
    name: 'الاسم',
    joinCode: 'الرمز',
    site: 'المكان',
    kind: 'النوع',
    mood: 'المزاج',
    table: 'الطاولة',
    joinedAt: 'تاريخ الانضمام',
    phase: 'المرحلة',
    origin: 'المصدر',
    text: 'النص',
    originalText: 'النص الأصلي',
    theme: 'الموضوع',
    hidden: 'مخفية',
    parked: 'مؤجلة',
    mergedInto: 'مدمجة في',
    login: 'اسم الدخول',
    role: 'الدور',
    since: 'منذ',
    description: 'الوصف',
    shared: 'مشترك',
    steps: 'المراحل',
    idea_id: 'معرّف الفكرة',
    gommettes: 'الملصقات',
    paper_gommettes: 'الملصقات الورقية',
    rank: 'الترتيب',
    matrix_easy: 'المصفوفة: سهل',
    matrix_priority: 'المصفوفة: أولوية',
    section: 'القسم',
    label: 'التسمية',
    answers: 'الإجابات',
    average: 'المتوسط',
    value: 'القيمة',
  },
};

/** A column's header in `lang`; the machine name when it has none. */
export function csvHeader(column: string, lang: CsvLanguage): string {
  return HEADERS[lang][column] ?? column;
}

/**
 * The language of an export: the `lang` query parameter the client sends (its page language), else
 * the first supported language of Accept-Language, else French.
 */
export function csvLanguage(query: unknown, acceptLanguage: string | undefined): CsvLanguage {
  const known = (value: string): CsvLanguage | null => {
    const base = value.trim().toLowerCase().split(/[-_;]/)[0] ?? '';
    return (CSV_LANGUAGES as ReadonlyArray<string>).includes(base) ? (base as CsvLanguage) : null;
  };
  if (typeof query === 'string' && known(query)) return known(query)!;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const q = /;\s*q=([\d.]+)/.exec(part);
      return { lang: known(part), q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry): entry is { lang: CsvLanguage; q: number; index: number } => entry.lang !== null && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.lang ?? 'fr';
}

import type fr from '../fr/board';
import type { Words } from '../types';

/** Arabic: same style and plural forms as `ar/resident.ts`. */
export default {
  // The shared board: the journey map (columns = steps of the person's journey, rows = lines
  // to fill). Its steps are "الخطوة", to tell them apart from the workshop's phases ("المرحلة").
  board: {
    heading: 'اللوحة',
    open: 'اللوحة',
    close: 'إغلاق اللوحة',
    asList: 'اعرض اللوحة كقائمة',
    looseIdeas: 'أفكار لم تُرتَّب بعد',
    reconnecting: 'جارٍ إعادة الاتصال…',
    editor: 'المسار',
    persona: 'الشخصية',
    setUp: 'تحضير المسار',
    setUpHint: 'اللوحة فارغة: ابدأ بالمسار النموذجي، ثم غيّره كما تريد.',
    steps: 'الخطوات (الأعمدة)',
    rows: 'الصفوف',
    newStep: 'خطوة جديدة',
    newRow: 'صف جديد',
    rename: 'تغيير الاسم',
    remove: 'حذف',
    moveEarlier: 'تقديم',
    moveLater: 'تأخير',
    fit: 'رؤية الكل',
    zoomIn: 'تكبير',
    zoomOut: 'تصغير',
    exportPng: 'صورة PNG',
    followMe: 'اتبعوني',
    followOn: 'كل الشاشات تتبع شاشتك',
    following: 'هذه الشاشة تتبع المنشّط/ة',
    clusters: 'مجموعات الأفكار',
    clusterName: 'اسم المجموعة',
    addCluster: 'إنشاء المجموعة',
    renameCluster: 'الاسم الجديد للمجموعة',
    clusterHint: 'اسحب الأفكار إلى مجموعة. انقر مرتين على مجموعة لتغيير اسمها.',
    linkHint: 'لربط حاجة بفكرة: انقر على الحاجة، ثم على الفكرة.',
    feelings: { joy: 'فرح', fine: 'بخير', soso: 'عادي', worry: 'قلق', sadness: 'حزن', anger: 'غضب', tiredness: 'تعب', fear: 'خوف' },
    phone: {
      title: 'المسار',
      // Right-to-left: "back" points to the right.
      close: '→ رجوع',
      offline: 'غير متصل: ملاحظاتك ستُرسَل عندما تعود الشبكة',
      notReady: 'المسار ليس جاهزاً بعد. انتظر قليلاً.',
      stepOf: 'الخطوة {{index}} من {{count}}',
      previous: 'الخطوة السابقة',
      next: 'الخطوة التالية',
      addTo: 'إضافة إلى «{{row}}»',
      placeholder: 'اكتب هنا…',
      feelingHint: 'اختر وجهاً، أو اكتب',
      cancel: 'إلغاء',
      send: 'إضافة',
    },
  },
} satisfies Words<typeof fr>;

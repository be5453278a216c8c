/**
 * Arabic (Modern Standard Arabic) versions of the built-in French texts residents read, keyed by
 * the French text itself (see `en.ts`). Loaded only by a phone in Arabic.
 */
const ar: Readonly<Record<string, string>> = {
  // Methods: step names.
  'Accueil et météo': 'الاستقبال والطقس',
  Contexte: 'السياق',
  Parcours: 'المسار',
  Idées: 'الأفكار',
  Sélection: 'الاختيار',
  Vote: 'التصويت',
  Modélisation: 'التجسيد',
  Restitution: 'العرض',
  Clôture: 'الختام',
  Accueil: 'الاستقبال',
  'Carte 1': 'البطاقة 1',
  'Carte 2': 'البطاقة 2',
  'Carte 3': 'البطاقة 3',
  "Ce que j'ai fait": 'ما فعلته',
  "Ce que j'ai appris": 'ما تعلّمته',
  "Ce que j'ai fait de ce que j'ai appris": 'ما فعلته بما تعلّمته',
  // Methods: instructions.
  "Choisis la météo qui te ressemble aujourd'hui. Pas besoin de dire ton nom.": 'اختر الطقس الذي يشبهك اليوم. لا داعي لذكر اسمك.',
  'Écoute la question du jour et à quoi servira ta participation. Tu peux poser toutes tes questions.':
    'استمع إلى سؤال اليوم وإلى ما ستفيد فيه مشاركتك. يمكنك أن تطرح كل أسئلتك.',
  'Mets-toi à la place de la personne : à chaque moment de sa journée, que fait-elle, de quoi a-t-elle besoin, que ressent-elle ?':
    'ضع نفسك مكان هذا الشخص: في كل لحظة من يومه، ماذا يفعل؟ ماذا يحتاج؟ بماذا يشعر؟',
  "Toutes les idées sont bonnes. D'abord seul·e et en silence, puis à ta table : écris une idée par message.":
    'كل الأفكار جيدة. أولاً وحدك وفي صمت، ثم مع طاولتك: اكتب فكرة واحدة في كل رسالة.',
  'Avec ta table, place vos idées : est-ce facile à faire ? Est-ce prioritaire ?': 'مع طاولتك، ضعوا أفكاركم: هل هي سهلة التنفيذ؟ هل هي أولوية؟',
  'Colle tes gommettes sur les idées que tu préfères. Tu peux en reprendre une tant que le vote est ouvert.':
    'ألصق ملصقاتك على الأفكار التي تفضّلها. يمكنك أن تنزع ملصقاً ما دام التصويت مفتوحاً.',
  'Avec ta table, raconte la solution choisie : un dessin, un article de journal, une petite histoire.':
    'مع طاولتك، احكِ الحل الذي اخترتموه: رسم، أو مقال في جريدة، أو قصة قصيرة.',
  'Chaque table présente son travail. On écoute et on applaudit !': 'كل طاولة تعرض عملها. نستمع ونصفّق!',
  "Dis-nous en quelques touches comment tu as vécu l'atelier. Merci pour ta participation !": 'قل لنا ببضع لمسات كيف عشت الورشة. شكراً على مشاركتك!',
  'Choisis ta météo du jour.': 'اختر طقسك اليوم.',
  'Écris tes idées, une par message. Toutes les idées sont bonnes.': 'اكتب أفكارك، فكرة في كل رسالة. كل الأفكار جيدة.',
  'Colle tes gommettes sur les idées que tu préfères.': 'ألصق ملصقاتك على الأفكار التي تفضّلها.',
  'Choisis ta météo du jour et rejoins ta table.': 'اختر طقسك اليوم وانضمّ إلى طاولتك.',
  "Qu'est-ce qui marche déjà bien ici ?": 'ما الذي يسير جيداً هنا من قبل؟',
  "Qu'est-ce qui te manque le plus ?": 'ما الذي ينقصك أكثر من غيره؟',
  'Si tu avais une baguette magique, que changerais-tu ?': 'لو كانت لديك عصا سحرية، ماذا كنت ستغيّر؟',
  'Chaque table lit ses réponses aux autres.': 'كل طاولة تقرأ أجوبتها على الآخرين.',
  "Qu'as-tu fait pendant ce projet ? Une chose par message.": 'ماذا فعلت خلال هذا المشروع؟ شيء واحد في كل رسالة.',
  "Qu'as-tu appris ? Une chose par message.": 'ماذا تعلّمت؟ شيء واحد في كل رسالة.',
  "Qu'as-tu fait, ou que vas-tu faire, de ce que tu as appris ?": 'ماذا فعلت، أو ماذا ستفعل، بما تعلّمته؟',
  "Quelques touches pour nous dire comment c'était. Merci !": 'بضع لمسات لتقول لنا كيف كان الأمر. شكراً!',
  // The default journey map.
  'Une personne sans abri, une journée en ville': 'شخص بلا مأوى، يوم في المدينة',
  'Le réveil': 'الاستيقاظ',
  'Le matin': 'الصباح',
  'Le midi': 'الظهر',
  "L'après-midi": 'بعد الظهر',
  'Le soir': 'المساء',
  'La nuit': 'الليل',
  "Ce qu'elle fait": 'ما يفعله',
  'Ce dont elle a besoin': 'ما يحتاج إليه',
  "Ce qu'elle ressent": 'ما يشعر به',
  'Ce qui est difficile': 'ما هو صعب',
  // The default closing questionnaire.
  "J'ai pu donner mon avis": 'استطعت أن أبدي رأيي',
  "J'ai compris à quoi servira ma participation": 'فهمت فيمَ ستفيد مشاركتي',
  "L'animation m'a plu": 'أعجبتني طريقة تنشيط الورشة',
  "J'ai envie de revenir": 'أرغب في العودة',
};

export default ar;

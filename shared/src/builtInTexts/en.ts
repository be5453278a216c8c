/**
 * English versions of the built-in French texts residents read (methods' steps, the default
 * journey map, the default questionnaire), keyed by the French text itself: a text the
 * facilitator rewrote no longer matches, so it shows as written. Loaded only by a phone in English.
 */
const en: Readonly<Record<string, string>> = {
  // Methods: step names.
  'Accueil et météo': 'Welcome and weather',
  Contexte: 'Context',
  Parcours: 'Journey',
  Idées: 'Ideas',
  Sélection: 'Selection',
  Vote: 'Vote',
  Modélisation: 'Modelling',
  Restitution: 'Sharing back',
  Clôture: 'Closing',
  Accueil: 'Welcome',
  'Carte 1': 'Card 1',
  'Carte 2': 'Card 2',
  'Carte 3': 'Card 3',
  "Ce que j'ai fait": 'What I did',
  "Ce que j'ai appris": 'What I learned',
  "Ce que j'ai fait de ce que j'ai appris": 'What I did with what I learned',
  // Methods: instructions.
  "Choisis la météo qui te ressemble aujourd'hui. Pas besoin de dire ton nom.": 'Pick the weather that feels like you today. No need to give your name.',
  'Écoute la question du jour et à quoi servira ta participation. Tu peux poser toutes tes questions.':
    "Listen to today's question and what your participation will be used for. You can ask anything you like.",
  'Mets-toi à la place de la personne : à chaque moment de sa journée, que fait-elle, de quoi a-t-elle besoin, que ressent-elle ?':
    "Put yourself in this person's shoes: at each moment of their day, what do they do, what do they need, how do they feel?",
  "Toutes les idées sont bonnes. D'abord seul·e et en silence, puis à ta table : écris une idée par message.":
    'Every idea is a good idea. First on your own and in silence, then with your table: write one idea per message.',
  'Avec ta table, place vos idées : est-ce facile à faire ? Est-ce prioritaire ?': 'With your table, place your ideas: is it easy to do? Is it a priority?',
  'Colle tes gommettes sur les idées que tu préfères. Tu peux en reprendre une tant que le vote est ouvert.':
    'Stick your dots on the ideas you like best. You can take one back while the vote is open.',
  'Avec ta table, raconte la solution choisie : un dessin, un article de journal, une petite histoire.':
    'With your table, tell the story of the chosen solution: a drawing, a newspaper article, a short story.',
  'Chaque table présente son travail. On écoute et on applaudit !': 'Each table presents its work. We listen and we clap!',
  "Dis-nous en quelques touches comment tu as vécu l'atelier. Merci pour ta participation !":
    'Tell us in a few taps how the workshop felt for you. Thank you for taking part!',
  'Choisis ta météo du jour.': "Pick today's weather.",
  'Écris tes idées, une par message. Toutes les idées sont bonnes.': 'Write your ideas, one per message. Every idea is a good idea.',
  'Colle tes gommettes sur les idées que tu préfères.': 'Stick your dots on the ideas you like best.',
  'Choisis ta météo du jour et rejoins ta table.': "Pick today's weather and join your table.",
  "Qu'est-ce qui marche déjà bien ici ?": 'What already works well here?',
  "Qu'est-ce qui te manque le plus ?": 'What do you miss the most?',
  'Si tu avais une baguette magique, que changerais-tu ?': 'If you had a magic wand, what would you change?',
  'Chaque table lit ses réponses aux autres.': 'Each table reads its answers to the others.',
  "Qu'as-tu fait pendant ce projet ? Une chose par message.": 'What did you do during this project? One thing per message.',
  "Qu'as-tu appris ? Une chose par message.": 'What did you learn? One thing per message.',
  "Qu'as-tu fait, ou que vas-tu faire, de ce que tu as appris ?": 'What have you done, or what will you do, with what you learned?',
  "Quelques touches pour nous dire comment c'était. Merci !": 'A few taps to tell us how it was. Thank you!',
  // The default journey map.
  'Une personne sans abri, une journée en ville': 'A homeless person, a day in town',
  'Le réveil': 'Waking up',
  'Le matin': 'Morning',
  'Le midi': 'Midday',
  "L'après-midi": 'Afternoon',
  'Le soir': 'Evening',
  'La nuit': 'Night',
  "Ce qu'elle fait": 'What they do',
  'Ce dont elle a besoin': 'What they need',
  "Ce qu'elle ressent": 'How they feel',
  'Ce qui est difficile': 'What is hard',
  // The default closing questionnaire.
  "J'ai pu donner mon avis": 'I could give my opinion',
  "J'ai compris à quoi servira ma participation": 'I understood what my participation will be used for',
  "L'animation m'a plu": 'I liked how the workshop was run',
  "J'ai envie de revenir": 'I would like to come back',
};

export default en;

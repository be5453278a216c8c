/**
 * The accessibility statement (/accessibilite), in the form the RGAA asks of public services:
 * loaded with its page only.
 */
export default {
  statement: {
    title: 'Déclaration d’accessibilité',
    intro:
      'Le centre social qui organise l’atelier s’engage à rendre accessibles les pages que les habitant·es utilisent, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique aux pages de Gommette pour les habitant·es : rejoindre un atelier, la météo, les idées, le parcours, la matrice, le vote, le questionnaire, la page de suivi et la borne de vote.',
    conformityHeading: 'État de conformité',
    conformity:
      'Gommette est partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1, en raison des contenus non accessibles énumérés plus bas.',
    noFullAudit:
      'Aucun audit complet du RGAA (ses 106 critères, par une personne experte) n’a encore été fait : les résultats ci-dessous viennent des tests automatiques et des vérifications à la main que le projet refait à chaque version.',
    resultsHeading: 'Résultats des tests',
    auditDate: 'Tests du {{date}}.',
    axeHeading: 'Tests automatiques (axe-core), en français et en arabe',
    axeSummary_one: '{{pages}} pages testées dans chaque langue, {{count}} problème grave ou critique.',
    axeSummary_other: '{{pages}} pages testées dans chaque langue, {{count}} problèmes graves ou critiques.',
    handHeading: 'Vérifications à la main, mesurées sur un téléphone de 360 × 740 px',
    handSummary: '{{passed}} vérifications réussies sur {{total}}.',
    page: 'Page',
    check: 'Vérification',
    language: 'Langue',
    result: 'Résultat',
    blocking: 'Graves ou critiques',
    others: 'Moins graves',
    passed: 'Réussi',
    failed: 'Pas encore',
    measured: 'Mesure',
    notAccessibleHeading: 'Contenus non accessibles',
    notAccessibleIntro: 'Ces contenus ne sont pas encore accessibles :',
    stillFailing: 'Vérifications pas encore réussies : {{list}}.',
    gaps: {
      board:
        'Le tableau partagé (parcours et matrice) sur l’écran projeté et sur la console de l’animateur·rice est un dessin : un lecteur d’écran ne le lit pas. Sur le téléphone, le parcours est proposé en texte, étape par étape.',
      emoji: 'Les émojis écrits dans les idées et les notes ne sont pas décrits en mots.',
      speech:
        '« Écouter » utilise la voix du téléphone : certains téléphones n’ont pas de voix arabe ou anglaise, et lisent alors avec une autre voix ou pas du tout.',
      staff: 'La console de l’animateur·rice, l’écran projeté et l’espace du centre ne passent que les tests automatiques, pas les vérifications à la main.',
      pdf: 'Les fiches et comptes rendus en PDF ne sont pas balisés pour les lecteurs d’écran : le même contenu existe en page web et en texte (Markdown).',
      audit: 'Aucun audit complet du RGAA n’a été fait : d’autres défauts peuvent exister.',
    },
    preparationHeading: 'Établissement de cette déclaration',
    preparation: 'Cette déclaration a été établie le {{date}} à partir de l’audit du projet (docs/accessibility-audit.json).',
    technologiesHeading: 'Technologies utilisées',
    technologies: 'HTML, CSS, JavaScript (React), WAI-ARIA.',
    toolsHeading: 'Environnement de test et outils',
    tools: '{{browser}} piloté par Playwright ; {{engine}} (règles WCAG 2.2 A et AA) ; mesures à la main automatisées : {{checks}}.',
    checksList:
      'action principale dans le premier écran (360 × 740), zoom 200 % (180 px de large), texte agrandi deux fois, focus après une action, nom du minuteur pour les lecteurs d’écran, parcours en arabe de droite à gauche',
    pagesHeading: 'Pages testées',
    contactHeading: 'Retour d’information et contact',
    contact:
      'Si tu n’arrives pas à utiliser une page ou un contenu, dis-le à l’animateur·rice de l’atelier ou au centre social qui l’organise : on te proposera une autre façon de participer (sur papier, avec une personne de l’équipe, à la borne) et on corrigera le défaut.',
    remedyHeading: 'Voies de recours',
    remedyIntro:
      'Si tu as signalé un défaut d’accessibilité qui t’empêche d’accéder à un contenu ou à un service et que tu n’as pas obtenu de réponse satisfaisante, tu peux :',
    remedyForm: 'écrire un message au Défenseur des droits',
    remedyDelegate: 'contacter le délégué du Défenseur des droits dans ta région',
    remedyMail: 'envoyer un courrier par la poste (gratuit, sans timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
    back: 'Retour',
    screens: {
      'enter-code': 'Taper le code (/j)',
      join: 'Rejoindre l’atelier et la météo',
      'join → first screen': 'Après « C’est parti »',
      welcome: 'Accueil (étape en cours)',
      journey: 'Parcours',
      ideas: 'Idées',
      'ideas → sent': 'Après l’envoi d’une idée',
      matrix: 'Matrice (facile / prioritaire)',
      vote: 'Vote à gommettes',
      kiosk: 'Borne de vote',
      questionnaire: 'Questionnaire de fin',
      'follow-up': 'Page de suivi',
      home: 'Accueil de l’animateur·rice',
      console: 'Console',
      projector: 'Écran projeté',
      helper: 'Aide à la table',
      statement: 'Déclaration d’accessibilité',
      other: 'Autre page',
    },
    checks: {
      'main-action-in-first-screen': 'Action principale dans le premier écran',
      'reflow-200-zoom': 'Zoom 200 % sans défilement de côté',
      'text-200': 'Texte agrandi deux fois, rien ne déborde',
      'focus-after-action': 'Le focus va au nouveau titre',
      'timer-name': 'Le minuteur dit le temps qui reste',
      'journey-mirrors': 'Le parcours suit le sens de lecture',
      'read-aloud': '« Écouter » lit chaque texte dans sa langue',
    },
    languages: { fr: 'français', ar: 'arabe' },
  },
};

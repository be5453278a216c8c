export * from './roles';
export * from './status';
export * from './figures';
export * from './protocol';
export * from './staffLinks';
export * from './questionnaireTemplates';
export * from './sharedBriefs';
export * from './voteQuestionnaireFigures';

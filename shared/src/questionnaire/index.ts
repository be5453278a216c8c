export * from './questionnaire';
export * from './protocol';

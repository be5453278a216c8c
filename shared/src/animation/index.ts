export * from './method';
export * from './run';
export * from './room';
export * from './tables';
export * from './protocol';
export * from './finish';
export * from './translations';
export * from './translationRules';

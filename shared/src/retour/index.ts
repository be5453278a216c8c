export * from './brief';
export * from './followUp';
export * from './figures';
export * from './exports';
export * from './returning';

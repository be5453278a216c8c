export * from './constants';
export * from './round';
export * from './results';
export * from './matrix';
export * from './protocol';

export * from './roles';
export * from './status';
export * from './figures';
export * from './protocol';

export * from './constants';
export * from './defaults';
export * from './schema';
export * from './layout';
export * from './awareness';

export * from './constants';
export * from './protocol';
export * from './domain/errors';
export * from './domain/text';
export * from './domain/codes';
export * from './domain/participant';
export * from './domain/idea';
export * from './domain/workshop';

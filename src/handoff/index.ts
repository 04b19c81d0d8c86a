export * from './schema';
export * from './summary';
export * from './repository';
export * from './audit';

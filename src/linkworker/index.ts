export * from './roles';
export * from './csrf';
export * from './accounts';
export * from './sessions';
export * from './loginThrottle';

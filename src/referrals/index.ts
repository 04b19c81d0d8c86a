export { ReferralRepository, type ConsentInput, type ErasureResult } from './repository';
export * from './schema';

import type { Recognizer } from '../recognizer';
import { CluRecognizer, type CluRecognizerOptions } from './cluRecognizer';
import { readCluConfig } from './config';

export { CluRecognizer, CLU_API_VERSION, DEFAULT_TIMEOUT_MS } from './cluRecognizer';
export { readCluConfig, CluConfigError, CLU_VARIABLES, type CluConfig } from './config';
export { CLU_INTENTS, COMMAND_INTENTS, CRISIS_INTENT, NONE_INTENT, mergeRecognition } from './mapping';

/**
 * The recogniser Front Door should use: Azure CLU (with `fallback` behind it) when all four CLU_
 * variables are set, otherwise `fallback` itself. Throws CluConfigError when only some are set.
 */
export function createRecognizer(
  env: NodeJS.ProcessEnv,
  fallback: Recognizer,
  log: (line: string) => void,
  options: Omit<CluRecognizerOptions, 'fallback' | 'log'> = {},
): Recognizer {
  const config = readCluConfig(env);
  if (!config) return fallback;
  log(`Language understanding: Azure CLU project "${config.projectName}" (deployment "${config.deploymentName}"), offline recogniser as fallback`);
  return new CluRecognizer(config, { ...options, fallback, log });
}

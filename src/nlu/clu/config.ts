import { z } from 'zod';

/** What the CLU recogniser needs to reach a deployed Conversational Language Understanding project. */
export interface CluConfig {
  /** The Language resource's endpoint, e.g. https://my-language.cognitiveservices.azure.com */
  endpoint: string;
  key: string;
  projectName: string;
  deploymentName: string;
}

export const CLU_VARIABLES = ['CLU_ENDPOINT', 'CLU_KEY', 'CLU_PROJECT', 'CLU_DEPLOYMENT'] as const;

export class CluConfigError extends Error {}

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** Plain http is only for a fake CLU server on this machine (tests); a real endpoint carries the key, so https. */
export function isLoopbackHttp(endpoint: string): boolean {
  try {
    const url = new URL(endpoint);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

const CluEnvSchema = z.object({
  CLU_ENDPOINT: z.preprocess(
    emptyToUndefined,
    z
      .url({ error: 'must be the Language resource endpoint, e.g. https://my-language.cognitiveservices.azure.com' })
      .refine((value) => value.startsWith('https://') || isLoopbackHttp(value), 'must start with https:// (plain http only for 127.0.0.1)')
      .optional(),
  ),
  CLU_KEY: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  CLU_PROJECT: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be a CLU project name').optional()),
  CLU_DEPLOYMENT: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be a CLU deployment name').optional()),
});

/**
 * Reads the four CLU variables. None set: undefined (Front Door uses the offline recogniser).
 * All set and valid: the config. Only some set, or a bad value: an error naming each variable, so a
 * half-finished set-up is noticed at start-up instead of silently running without CLU.
 */
export function readCluConfig(env: NodeJS.ProcessEnv): CluConfig | undefined {
  const parsed = CluEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new CluConfigError(`Azure CLU configuration is not valid:\n${[...new Set(problems)].join('\n')}`);
  }
  const e = parsed.data;
  const present = CLU_VARIABLES.filter((name) => e[name] !== undefined);
  if (present.length === 0) return undefined;
  if (present.length < CLU_VARIABLES.length) {
    const missing = CLU_VARIABLES.filter((name) => e[name] === undefined);
    throw new CluConfigError(
      `Azure CLU configuration is not valid:\n${missing.map((name) => `  ${name}: required when ${present.join(', ')} ${present.length === 1 ? 'is' : 'are'} set (set all four CLU_ variables, or none)`).join('\n')}`,
    );
  }
  return {
    endpoint: e.CLU_ENDPOINT!.replace(/\/+$/, ''),
    key: e.CLU_KEY!,
    projectName: e.CLU_PROJECT!,
    deploymentName: e.CLU_DEPLOYMENT!,
  };
}

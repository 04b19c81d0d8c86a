/**
 * Every MongoDB collection Front Door uses, named in one place so that indexes,
 * erasure and retention jobs can find them all.
 */
export const Collections = {
  /** Bot Framework conversation and user state (botbuilder Storage). */
  botState: 'botState',
  /** One document per person's referral: answers as they are given. */
  referrals: 'referrals',
  /** Consent records: notice version, time, channel, answer. */
  consents: 'consents',
  /** Minimal log of erasures: when, what kind, never whose data. */
  erasures: 'erasures',
  /** Anonymous counters (e.g. people who declined consent). */
  counters: 'counters',
  /** What each retention run deleted (counts only). */
  retentionRuns: 'retentionRuns',
  /** Deployment-wide settings and generated secrets. */
  settings: 'settings',
  /** Self-hosted Direct Line conversations: user id, next sequence number (watermark). */
  directlineConversations: 'directlineConversations',
  /** Self-hosted Direct Line transcript: every activity in and out, by conversation and sequence. */
  directlineActivities: 'directlineActivities',
  /** The local directory: one document per imported service (Open Referral UK), keyed by source and id. */
  services: 'services',
  /** Taxonomy concepts (the OpenActive activity list), keyed by vocabulary and concept id. */
  taxonomies: 'taxonomies',
  /** Link-worker and admin accounts: email, scrypt password hash, role, disabled flag. */
  linkWorkers: 'linkWorkers',
  /** Link-worker sessions, keyed by the SHA-256 of the session id (the id itself is never stored). */
  linkWorkerSessions: 'linkWorkerSessions',
  /** Recent failed logins per account and per IP address, and lockouts. */
  loginThrottle: 'loginThrottle',
  /** Handoffs to link workers: summary, transcript, who holds it, outcome. */
  handoffs: 'handoffs',
  /** Append-only record of who viewed, claimed, messaged, exported or closed what, and when. */
  auditLog: 'auditLog',
  /** Scheduled follow-up messages (check-in, link worker's date, ONS4 repeat): kind, person key, when, state. No text, no number. */
  followUps: 'followUps',
  followUpContacts: 'followUpContacts',
} as const;

export type CollectionName = (typeof Collections)[keyof typeof Collections];

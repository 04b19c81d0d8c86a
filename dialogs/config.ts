/** What dialogs need to know about the service they speak for. */
export interface DialogConfig {
  /** The service's name as people know it, e.g. "Front Door Cardiff". */
  serviceName: string;
  /** Roughly how many days until a link worker gets in touch after the summary is confirmed. */
  nextStepsDays: number;
  /** The full privacy notice, e.g. "https://example.org/privacy". */
  privacyUrl: string;
  /** Days a referral is kept after it is closed (RETENTION_CLOSED_DAYS): the consent notice says so. */
  closedDays: number;
}

/** The shapes the newsroom API hands to its clients, so the http layer need not know the store. */
export type { DeskItem, RevisionInfo, AuditEntry, SiteTerm, Tip, ContentChange, ProposedCorrection } from '../store/ports.ts';
export { TIP_STATUSES } from '../store/ports.ts';

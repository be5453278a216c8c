import type { Idea } from '@gommette/shared';
import type { ParticipantRecord, WorkshopRecord } from './WorkshopStore';

/**
 * Records with the defaults of a resident on a phone, a fresh idea, a workshop without helper or
 * observer links: for seeds in tests and benchmarks that only care about a few fields.
 */
export function residentRecord(fields: Omit<ParticipantRecord, 'kind' | 'tableId'> & Partial<ParticipantRecord>): ParticipantRecord {
  return { kind: 'resident', tableId: null, ...fields };
}

export function ideaRecord(fields: Pick<Idea, 'id' | 'workshopId' | 'siteId' | 'participantId' | 'text' | 'createdAt'> & Partial<Idea>): Idea {
  return {
    hidden: false,
    tableId: null,
    phaseId: null,
    origin: 'phone',
    originalText: null,
    pending: false,
    parked: false,
    mergedInto: null,
    theme: null,
    ...fields,
  };
}

export function workshopRecord(fields: Omit<WorkshopRecord, 'helperTokenHash' | 'observerTokenHash'> & Partial<WorkshopRecord>): WorkshopRecord {
  return { helperTokenHash: null, observerTokenHash: null, ...fields };
}

import type { LedgerEntry } from '@qa/audit-domain';

/** One entry as a JSON Lines line: the payload as JSON, everything else as stored. */
export function ledgerJsonLine(e: LedgerEntry): string {
  return (
    JSON.stringify({
      seq: e.seq,
      eventId: e.eventId,
      occurredAt: new Date(e.occurredAt).toISOString(),
      recordedAt: new Date(e.recordedAt).toISOString(),
      kind: e.kind,
      quoteId: e.quoteId,
      actor: { type: e.actorType, id: e.actorId },
      payload: JSON.parse(e.payload) as unknown,
      prevHash: e.prevHash,
      hash: e.hash,
    }) + '\n'
  );
}

export const LEDGER_CSV_HEADER = 'seq,event_id,occurred_at,recorded_at,kind,quote_id,actor_type,actor_id,payload,prev_hash,hash\r\n';

/** RFC 4180: quoted when it holds a comma, quote or line break; a leading = + - @ is prefixed with ' so spreadsheets do not run it. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One entry as a CSV record (CRLF), the payload as its stored JSON text. */
export function ledgerCsvLine(e: LedgerEntry): string {
  const fields = [e.seq, e.eventId, new Date(e.occurredAt).toISOString(), new Date(e.recordedAt).toISOString(), e.kind, e.quoteId, e.actorType, e.actorId, e.payload, e.prevHash, e.hash];
  return fields.map(csvField).join(',') + '\r\n';
}

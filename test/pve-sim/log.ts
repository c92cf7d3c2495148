// The request log: an in-memory ring for tests plus, with PVE_SIM_LOG or logPath, one JSON line per request.
import { appendFileSync } from 'node:fs';

export interface LogRecord {
  time: number;
  method: string;
  path: string;
  params: Record<string, unknown>;
  principal: string | undefined;
  status: number;
}

export interface RequestLog {
  readonly records: LogRecord[];
  write(rec: LogRecord): void;
}

const SECRET_KEY = /password|secret|^otp$|ticket|challenge|csrf/i;
const MAX_RECORDS = 20_000;

export function redact(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, SECRET_KEY.test(k) ? '********' : v]));
}

export function createRequestLog(file: string | undefined): RequestLog {
  const records: LogRecord[] = [];
  return {
    records,
    write(rec) {
      const safe = { ...rec, params: redact(rec.params) };
      records.push(safe);
      if (records.length > MAX_RECORDS) records.splice(0, records.length - MAX_RECORDS);
      if (file) appendFileSync(file, `${JSON.stringify(safe)}\n`);
    },
  };
}

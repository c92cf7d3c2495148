// Helpers to declare IPC requests and events once, with runtime schemas for both directions.
import { z } from 'zod';

export interface RequestDef<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly args: A;
  readonly result: R;
  /** true when the request changes a cluster; refused in read-only profiles */
  readonly mutation: boolean;
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
}

export function request<A extends z.ZodType, R extends z.ZodType>(
  args: A,
  result: R,
  opts: { mutation?: boolean } = {},
): RequestDef<A, R> {
  return { args, result, mutation: opts.mutation ?? false };
}

export function event<P extends z.ZodType>(payload: P): EventDef<P> {
  return { payload };
}

import type { ChildProcess } from 'node:child_process';

/** Messages between the board benchmark's parent and its children (over the IPC channel). */
export type BoardTarget = 'gommette' | 'reference';

export type BoardServerRequest =
  | { type: 'seed'; participants: number }
  | { type: 'stats' }
  | { type: 'stored'; workshopId: string }
  | { type: 'loadTime'; workshopId: string }
  | { type: 'stop' };

export type BoardServerReply =
  | { type: 'listening'; port: number }
  | { type: 'seeded'; workshopId: string; facilitatorToken: string; screenToken: string; tokens: string[] }
  | { type: 'stats'; cpuMicros: number; rssBytes: number; peakRssBytes: number }
  | { type: 'stored'; rows: number; bytes: number }
  | { type: 'loadTime'; ms: number; notes: number }
  | { type: 'stopped' }
  | { type: 'error'; message: string };

export interface EditorPlan {
  token: string | null;
  /** When to add the note and when to move it, in ms after the start signal. */
  addAtMs: number;
  moveAtMs: number;
}

export type WorkerRequest =
  { type: 'open'; url: string; path: string; editors: EditorPlan[]; protocol: string | null } | { type: 'start'; startAt: number } | { type: 'close' };

export type WorkerReply = { type: 'ready'; opened: number } | { type: 'done'; sent: number; receivedBytes: number } | { type: 'error'; message: string };

/** Sends a request to a child and resolves with its next reply of `type`. */
export function ask<R extends { type: string }>(child: ChildProcess, request: unknown, type: R['type'], timeoutMs = 60_000): Promise<R> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', listener);
      reject(new Error(`no ${type} reply within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (message: R | { type: 'error'; message: string }) => {
      if (message.type === 'error') {
        clearTimeout(timer);
        child.off('message', listener);
        reject(new Error((message as { message: string }).message));
      } else if (message.type === type) {
        clearTimeout(timer);
        child.off('message', listener);
        resolve(message as R);
      }
    };
    child.on('message', listener);
    if (request !== null) child.send(request as never);
  });
}

/**
 * One sign-off report from several cucumber-js processes (one device profile each):
 * their message streams (NDJSON) are merged as playwright-bdd would have produced one
 * stream, the project named in each document's and pickle's uri
 * (`[sp-android]:features/…`, see collect.ts), then replayed into the same formatter.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import type { IFormatterOptions } from '@cucumber/cucumber';
import SignoffFormatter, { type SignoffOptions } from './formatter.ts';
import type { Envelope } from './messages.ts';

export interface ProjectMessages {
  readonly project: string;
  /** A cucumber-js `message` formatter's output. */
  readonly file: string;
}

type Mutable = Record<string, Record<string, unknown> | undefined>;

/** The merged stream: one meta and testRunStarted (the first), one testRunFinished (the last; successful only if all were). */
export function mergeMessages(inputs: readonly { project: string; envelopes: readonly Envelope[] }[]): Envelope[] {
  const merged: Envelope[] = [];
  let finished: Record<string, unknown> | undefined;
  let success = true;
  inputs.forEach(({ project, envelopes }, i) => {
    for (const original of envelopes) {
      const envelope = structuredClone(original) as unknown as Mutable;
      if ((envelope.meta || envelope.testRunStarted) && i > 0) continue;
      if (envelope.testRunFinished) {
        success &&= envelope.testRunFinished.success === true;
        finished = envelope.testRunFinished;
        continue;
      }
      for (const kind of ['source', 'gherkinDocument', 'pickle'] as const) {
        const part = envelope[kind];
        if (part && typeof part.uri === 'string') part.uri = `[${project}]:${part.uri}`;
      }
      merged.push(envelope as unknown as Envelope);
    }
  });
  if (finished) merged.push({ testRunFinished: { ...finished, success } } as unknown as Envelope);
  return merged;
}

function readMessages(file: string): Envelope[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Envelope);
}

/** Writes the sign-off HTML (options.outputFile) and PDF for the merged run. */
export async function writeMergedSignoff(inputs: readonly ProjectMessages[], options: SignoffOptions & { cwd?: string }): Promise<void> {
  const eventBroadcaster = new EventEmitter();
  const formatter = new SignoffFormatter({
    cwd: options.cwd ?? process.cwd(),
    eventBroadcaster,
    // With stdout as its stream, the formatter writes the HTML to options.outputFile itself.
    stream: process.stdout,
    log: (text: string | Uint8Array) => process.stdout.write(text),
    parsedArgvOptions: options,
    cleanup: async () => {},
  } as unknown as IFormatterOptions);
  for (const envelope of mergeMessages(inputs.map(({ project, file }) => ({ project, envelopes: readMessages(file) })))) {
    eventBroadcaster.emit('envelope', envelope);
  }
  await formatter.finished();
}

import type { Context } from 'hono';

/** Thrown for a body that cannot be read as a form; both apps answer it with 400. */
export class MalformedFormError extends Error {
  override name = 'MalformedFormError';
}

/** The request's form fields; a body Hono cannot parse (broken multipart, bad encoding) is a client error, not a crash. */
export async function readForm(c: Context): Promise<Record<string, string | File | (string | File)[]>> {
  try {
    return await c.req.parseBody({ all: true });
  } catch (error) {
    throw new MalformedFormError(error instanceof Error ? error.message : String(error));
  }
}

/** A single text field: arrays (repeated fields) and files count as absent. */
export function field(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

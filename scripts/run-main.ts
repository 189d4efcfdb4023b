/**
 * Runs a script's main() when the file is run directly (not imported by a test): exits with its code, or
 * prints the error and exits 1 (errors the user caused, such as bad settings, as their message only).
 */
export function runMain(meta: ImportMeta, main: () => Promise<number>, expected: readonly (new (...args: never[]) => Error)[] = []): void {
  if (meta.url !== `file://${process.argv[1]}`) return;
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(expected.some((E) => error instanceof E) ? (error as Error).message : error);
      process.exit(1);
    },
  );
}

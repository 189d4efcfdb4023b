/**
 * Unpacks the Chromium of the @sparticuz/chromium npm package (support/npm-chromium.ts) into a folder:
 *   <dest>/chromium   from package/bin/chromium.br      (brotli, Node's zlib)
 *   <dest>/lib/*      from package/bin/al2023.tar.br    (brotli + tar: the NSS and expat libraries it links to)
 * Input: the package tarball as npm packs it (a gzipped tar). Run as a child process by ensureNpmChromium(), which
 * needs a synchronous answer and renames <dest> into place when this exits 0.
 *
 *   node support/unpack-npm-chromium.mjs <package.tgz> <dest>
 */
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip } from 'node:zlib';
import tar from 'tar-stream';

const CHROMIUM = 'package/bin/chromium.br';
const LIBRARIES = /^package\/bin\/al\d+\.tar\.br$/;

/** Writes each regular file of a tar stream whose name passes `keep` to `dir`, flat, under its base name. */
async function extractFlat(source, dir, keep = () => true) {
  const extract = tar.extract();
  const done = pipeline(source, extract);
  for await (const entry of extract) {
    const name = entry.header.name;
    if (entry.header.type === 'file' && keep(name)) {
      await pipeline(entry, createWriteStream(join(dir, basename(name)), { mode: entry.header.mode ?? 0o644 }));
    } else {
      entry.resume();
    }
  }
  await done;
}

async function unpack(tarball, dest) {
  mkdirSync(join(dest, 'lib'), { recursive: true });
  const found = { chromium: false, libraries: false };
  const extract = tar.extract();
  const done = pipeline(createReadStream(tarball), createGunzip(), extract);
  for await (const entry of extract) {
    const name = entry.header.name;
    if (name === CHROMIUM) {
      await pipeline(entry, createBrotliDecompress(), createWriteStream(join(dest, 'chromium'), { mode: 0o755 }));
      found.chromium = true;
    } else if (LIBRARIES.test(name)) {
      await extractFlat(entry.pipe(createBrotliDecompress()), join(dest, 'lib'), (n) => /\.so(\.\d+)*$|\.chk$/.test(n));
      found.libraries = true;
    } else {
      entry.resume();
    }
  }
  await done;
  if (!found.chromium) throw new Error(`${tarball} has no ${CHROMIUM}`);
  if (!found.libraries) throw new Error(`${tarball} has no package/bin/al*.tar.br (the libraries Chromium needs)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [tarball, dest] = process.argv.slice(2);
  unpack(tarball, dest).then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}

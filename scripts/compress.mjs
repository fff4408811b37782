// Writes precompressed FILE.br (brotli quality 11) and FILE.gz (gzip -9) beside every
// compressible file under a folder, so a static server can send them without compressing on
// each request. Node's built-in zlib only: no dependency.
// Usage: node scripts/compress.mjs <dir>     (scripts/build.sh runs it on dist/)
// A variant that would not be smaller than the file is not written (and an old one is removed),
// so a server falls back to the plain file.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const COMPRESSIBLE = new Set(['.wasm', '.js', '.mjs', '.css', '.html', '.json', '.svg', '.webmanifest']);

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/compress.mjs <dir>');
  process.exit(2);
}

async function* files(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile() && COMPRESSIBLE.has(extname(entry.name).toLowerCase())) yield path;
  }
}

async function variant(path, raw, suffix, compress) {
  const packed = await compress(raw);
  if (packed.length < raw.length) {
    await writeFile(path + suffix, packed);
    return packed.length;
  }
  await rm(path + suffix, { force: true });
  return null;
}

async function compressFile(path) {
  const raw = await readFile(path);
  const text = extname(path).toLowerCase() !== '.wasm';
  const [br, gz] = await Promise.all([
    variant(path, raw, '.br', (b) => brotli(b, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_MODE]: text ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length,
      },
    })),
    variant(path, raw, '.gz', (b) => gzip(b, { level: 9 })),
  ]);
  return { path, raw: raw.length, gz, br };
}

const found = [];
for await (const path of files(dir)) found.push(path);
// All at once: zlib runs them on libuv's thread pool (a few threads).
const results = await Promise.all(found.map(compressFile));
const cell = (n) => (n === null ? '-' : String(n)).padStart(10);
console.log(`${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli 11'.padStart(10)}  file (bytes; - = not smaller, not written)`);
for (const r of results.sort((a, b) => b.raw - a.raw)) {
  console.log(`${cell(r.raw)} ${cell(r.gz)} ${cell(r.br)}  ${relative(dir, r.path)}`);
}

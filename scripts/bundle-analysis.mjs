// Where the bytes of a built script go: `node scripts/bundle-analysis.mjs dist/client/assets/phone/phone-*.js`.
// Reads the script's source map (the build writes them), gives each stretch of generated code to the
// source it came from, groups sources by package (node_modules) or by folder, and prints raw and
// gzipped sizes; the last column shares the file's real gzipped size out in proportion (groups
// compressed apart add up to a little more than the file).
import fs from 'node:fs';
import zlib from 'node:zlib';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The source-map "mappings" string as [line][segment] = [column, sourceIndex?]. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
          continue;
        }
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      segments.push([column, fields.length > 1 ? source : null]);
    }
    lines.push(segments);
  }
  return lines;
}

function groupOf(source) {
  const inModules = source.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const parts = source.slice(inModules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const parts = source.replace(/^(\.\.\/)+/, '').split('/');
  return parts.slice(0, ['client', 'shared'].includes(parts[0]) ? 3 : 2).join('/');
}

const gzip = (text) => zlib.gzipSync(text).length;
for (const file of process.argv.slice(2)) {
  const code = fs.readFileSync(file, 'utf8');
  const map = JSON.parse(fs.readFileSync(`${file}.map`, 'utf8'));
  const lines = code.split('\n');
  const texts = new Map();
  decodeMappings(map.mappings).forEach((segments, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    segments.forEach(([column, source], index) => {
      const end = segments[index + 1]?.[0] ?? line.length;
      const group = source === null ? '(generated)' : groupOf(map.sources[source]);
      texts.set(group, (texts.get(group) ?? '') + line.slice(column, end));
    });
  });
  const total = gzip(code);
  const rows = [...texts].map(([group, text]) => ({ group, raw: Buffer.byteLength(text), gzipped: gzip(text) })).sort((a, b) => b.gzipped - a.gzipped);
  const apart = rows.reduce((sum, row) => sum + row.gzipped, 0);
  console.log(`${file}: ${(Buffer.byteLength(code) / 1024).toFixed(1)} KB, ${(total / 1024).toFixed(1)} KB gzipped`);
  console.log('    raw KB  gzip KB  share KB  group');
  for (const row of rows) {
    const cells = [row.raw / 1024, row.gzipped / 1024, (row.gzipped / apart) * (total / 1024)].map((kb) => kb.toFixed(1).padStart(8));
    console.log(`${cells.join(' ')}  ${row.group}`);
  }
}

// Writes the first names and honorifics of compromise's lexicon as JSON, for generate.py.
// Usage: node compromise_lexicon.mjs PACKAGE_DIR OUT_DIR
import { createRequire } from 'module';
import { writeFileSync } from 'fs';
const [pkg, out] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const nlp = require(`${pkg}/builds/three/compromise-three.cjs`);
const lexicon = nlp.model().one.lexicon;
const names = {};
const honorifics = [];
for (const [word, tag] of Object.entries(lexicon)) {
  const tags = Array.isArray(tag) ? tag : [tag];
  if (tags.some(t => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName')) names[word] = tags;
  if (tags.includes('Honorific')) honorifics.push(word);
}
writeFileSync(`${out}/compromise-names.json`, JSON.stringify(names, Object.keys(names).sort()));
writeFileSync(`${out}/compromise-honorifics.json`, JSON.stringify(honorifics.sort()));

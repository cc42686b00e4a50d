// Reads a conformance baseline: one "<id>  # <reason>" line per check expected to fail; blank lines and
// comment lines are skipped, and any other line is reported as a problem naming its place and the expected form.
import { readFileSync } from 'node:fs';

export function readBaseline(file, form = '<scenario-id>') {
  const entries = new Map();
  const problems = [];
  readFileSync(file, 'utf8').split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      return;
    }
    const match = /^(\S+)\s+#\s*(\S.*)$/.exec(line);
    if (!match) {
      problems.push(`${file}:${index + 1}: expected "${form}  # <reason>", got "${line}"`);
    } else {
      entries.set(match[1], match[2]);
    }
  });
  return { entries, problems };
}

import { evaluateYear, policies } from './src';
import { memberYear } from './test/bench/workload';
let capped = 0, n = 0, reasons = 0;
for (let i = 0; i < 5000; i++) { const y = memberYear(i, 10); for (const r of evaluateYear(policies.guangxi[2024], y.member, y.claims).results) { n++; if (r.reasons.length) reasons++; if (r.lines.some((l) => l.cappedBy)) capped++; } }
console.log({ n, capped, reasons });
console.log(JSON.stringify(policies.guangxi[2024].benefits.map((b) => [b.id, b.event, b.caps && Object.keys(b.caps)])));

// A TypeDoc plugin for the API reference: huzhu re-exports decimal.js's Decimal, whose
// declaration merges the class with a namespace of decimal.js's own types and static fields.
// The class is the type huzhu's amounts have, so its page stays, headed by what huzhu says of
// it; the namespace (28 pages of decimal.js internals) goes: decimal.js documents it.
import { Comment, Converter, ReflectionKind } from 'typedoc';

const summary = [
  'The Decimal class of [decimal.js](https://mikemcl.github.io/decimal.js/), re-exported: every amount in a result is one, ',
  'and huzhu reads one wherever it takes an amount. decimal.js documents its methods. ',
  "decimal.js's ESM and CommonJS builds are two classes, and huzhu uses the one of the module system that loads it: ",
  "`instanceof` holds for the Decimal imported from huzhu (`import { Decimal } from 'huzhu'`), and `Decimal.isDecimal` accepts either.",
].join('');

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const { project } = context;
    for (const reflection of project.getReflectionsByKind(ReflectionKind.Namespace | ReflectionKind.Class)) {
      if (reflection.name !== 'Decimal' || reflection.parent !== project) continue;
      if (reflection.kind === ReflectionKind.Namespace) project.removeReflection(reflection);
      else reflection.comment = new Comment([{ kind: 'text', text: summary }]);
    }
  });
}

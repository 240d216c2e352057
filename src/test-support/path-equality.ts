// Vitest's toEqual compares own fields, and a path filled from a template keeps its message,
// verdict and ends on its template (src/domain/routing/paths/template-path.ts): two such paths
// would be "equal" when only their hops agreed. This compares every path as the plain object
// it writes, so a test sees what a reader of the path sees.
import { expect } from 'vitest';
import { plainPath, type PathResult } from '../domain/routing/paths';
import { TemplatePath } from '../domain/routing/paths/template-path';

expect.addEqualityTesters([
  function pathsAsPlain(a: unknown, b: unknown, customTesters) {
    if (!(a instanceof TemplatePath) && !(b instanceof TemplatePath)) return undefined;
    // plainPath returns anything but a TemplatePath as it is.
    return this.equals(plainPath(a as PathResult), plainPath(b as PathResult), customTesters);
  },
]);

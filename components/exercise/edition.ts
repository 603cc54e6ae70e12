// Whether this build shows exercise solutions. Solutions live in their own files
// (<name>.solution.ts) and are rendered only through <Solution>, which asks here, so an
// edition without them drops them entirely (not hidden: absent from the HTML).
// The edition switch itself belongs to the site's build settings: solutions are part
// of the instructor edition (EDITION=instructor npm run build, components/site/edition.ts).
import { isInstructorEdition } from '../site/edition';

export function solutionsIncluded(): boolean {
  return isInstructorEdition;
}

// Which edition of the book this build is, fixed at build time by EDITION (see
// astro.config.mjs): "reader", the default and the one to publish, or "instructor",
// which adds exercise solutions and instructor notes. Components decide with
// isInstructorEdition at build time, so nothing of the instructor material reaches a
// reader build: not its HTML, not its scripts, not its search index.

export type Edition = 'reader' | 'instructor';

/** Defined by astro.config.mjs in the site's build; absent elsewhere (unit tests: the reader edition). */
declare const __INSIDE_IO_EDITION__: string | undefined;

export const edition: Edition = typeof __INSIDE_IO_EDITION__ !== 'undefined' && __INSIDE_IO_EDITION__ === 'instructor' ? 'instructor' : 'reader';

export const isInstructorEdition: boolean = edition === 'instructor';

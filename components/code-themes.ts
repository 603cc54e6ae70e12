// The syntax-highlighting themes of every code block (Markdown fences, live examples,
// solutions), light and dark. GitHub's "default" themes: every token colour meets WCAG AA
// contrast (4.5:1) on its background, which the older github-light/github-dark do not
// (orange on white, grey comments on dark).
export const codeThemes = { light: 'github-light-default', dark: 'github-dark-default' } as const;
